package resetkit.mail;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Renders the reset mail and the "password changed" notice from templates (HTML and text) chosen
 * per tenant and locale; see {@link MailTemplates}. The subject is a header: cleaned of control
 * characters after rendering.
 */
@Singleton
public class ResetMailComposer {
    public static final String KIND_RESET = Outbox.KIND_RESET;
    public static final String KIND_PASSWORD_CHANGED = Outbox.KIND_PASSWORD_CHANGED;

    private final MailTemplates templates;
    private final MailRenderer renderer;

    ResetMailComposer(MailTemplates templates, MailRenderer renderer) {
        this.templates = templates;
        this.renderer = renderer;
    }

    /** A mail and the locale its templates were written in. */
    public record Rendered(String locale, MailContent content) {
    }

    public MailContent resetMail(String serviceName, String link, String code, Instant expiresAt) {
        return resetMail(null, null, serviceName, link, code, expiresAt);
    }

    public MailContent resetMail(@Nullable String tenantId, @Nullable String locale, String serviceName, String link,
                                 String code, Instant expiresAt) {
        return render(tenantId, KIND_RESET, locale, Map.of("serviceName", name(serviceName), "link", link, "code", code,
                "expiresAt", expiresAt.atZone(ZoneOffset.UTC))).content();
    }

    public MailContent passwordChangedMail(String serviceName, Instant changedAt) {
        return passwordChangedMail(null, null, serviceName, changedAt);
    }

    public MailContent passwordChangedMail(@Nullable String tenantId, @Nullable String locale, String serviceName,
                                           Instant changedAt) {
        return render(tenantId, KIND_PASSWORD_CHANGED, locale, Map.of("serviceName", name(serviceName),
                "changedAt", changedAt.atZone(ZoneOffset.UTC))).content();
    }

    /** Any kind with every value a template may use, for previews. */
    public Rendered render(@Nullable String tenantId, String kind, @Nullable String locale, Map<String, Object> values) {
        MailTemplates.Sources sources = templates.find(tenantId, kind, locale);
        var language = MailLocales.toLocale(sources.locale());
        String subject = HeaderText.clean(renderer.text(sources.subject(), language, values), 200);
        return new Rendered(sources.locale(), new MailContent(subject,
                renderer.text(sources.text(), language, values), renderer.html(sources.html(), language, values)));
    }

    private static String name(String serviceName) {
        return HeaderText.clean(serviceName, 100);
    }
}
