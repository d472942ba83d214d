package resetkit.mail;

import jakarta.inject.Singleton;
import resetkit.account.Tenant;
import resetkit.reset.ResetLinks;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Renders a tenant's mail templates with sample values, for operators checking an override
 * before a person gets it. The sample token and code are fixed strings that open nothing.
 */
@Singleton
public class MailPreview {
    static final String SAMPLE_TOKEN = "SAMPLE-TOKEN-opens-nothing";
    static final String SAMPLE_CODE = "123456";

    private final ResetMailComposer composer;
    private final ResetLinks links;
    private final Clock clock;

    MailPreview(ResetMailComposer composer, ResetLinks links, Clock clock) {
        this.composer = composer;
        this.links = links;
        this.clock = clock;
    }

    public ResetMailComposer.Rendered render(Tenant tenant, String kind, String locale) {
        Instant now = clock.instant();
        String link = links.link(links.baseFor(tenant, null), SAMPLE_TOKEN);
        return composer.render(tenant.id(), kind, locale, Map.of(
                "serviceName", HeaderText.clean(tenant.name(), 100), "link", link, "code", SAMPLE_CODE,
                "expiresAt", now.plusSeconds(tenant.tokenTtlSeconds()).atZone(ZoneOffset.UTC),
                "changedAt", now.atZone(ZoneOffset.UTC)));
    }
}
