package resetkit.mail;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Renders the reset mail and the "password changed" notice from templates (HTML and text) chosen
 * per tenant and locale; see {@link MailTemplates}. The subject is a header: cleaned of control
 * characters after rendering. A queued mail's subject is rendered when it is queued, its bodies
 * when the outbox worker sends it ({@link MailDraft}). Points in time among the values are also
 * passed as text in the template's language ({@link MailDates}).
 */
@Singleton
public class ResetMailComposer {
    private final MailTemplates templates;
    private final MailRenderer renderer;

    ResetMailComposer(MailTemplates templates, MailRenderer renderer) {
        this.templates = templates;
        this.renderer = renderer;
    }

    /** A mail and the locale its templates were written in. */
    public record Rendered(String locale, MailContent content) {
    }

    /** The subject of a queued mail: rendered when it is queued (the outbox lists it), the bodies when it is sent. */
    public String subject(MailDraft draft) {
        MailTemplates.Sources sources = templates.find(draft.tenantId(), draft.kind(), draft.locale());
        return subject(sources, draft.values());
    }

    /** The mail a draft stands for, with the subject rendered when it was queued. */
    public MailContent render(MailDraft draft, String subject) {
        return content(templates.find(draft.tenantId(), draft.kind(), draft.locale()), subject, draft.values());
    }

    /** Any kind with every value a template may use, for previews. */
    public Rendered render(@Nullable String tenantId, String kind, @Nullable String locale, Map<String, Object> values) {
        MailTemplates.Sources sources = templates.find(tenantId, kind, locale);
        return new Rendered(sources.locale(), content(sources, subject(sources, values), values));
    }

    private MailContent content(MailTemplates.Sources sources, String subject, Map<String, Object> values) {
        var language = MailLocales.toLocale(sources.locale());
        var all = MailDates.withText(values, language);
        return new MailContent(subject, renderer.text(sources.text(), language, all), renderer.html(sources.html(), language, all));
    }

    private String subject(MailTemplates.Sources sources, Map<String, Object> values) {
        var language = MailLocales.toLocale(sources.locale());
        return HeaderText.clean(renderer.text(sources.subject(), language, MailDates.withText(values, language)), 200);
    }
}
