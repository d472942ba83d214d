package resetkit.mail;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * What a queued mail is rendered from when it is sent: the template (kind, tenant, requested
 * locale) and the values it shows. The outbox stores it sealed (link and code are secrets), a few
 * hundred bytes instead of the rendered text and HTML, and the request that queues a mail renders
 * only its subject.
 *
 * @param at the link's expiry for a reset mail, the time of the change for a "password changed" notice
 */
public record MailDraft(String kind, @Nullable String tenantId, @Nullable String locale, String serviceName,
                        @Nullable String link, @Nullable String code, long atEpochMilli) {

    public static MailDraft reset(@Nullable String tenantId, @Nullable String locale, String serviceName, String link,
                                  String code, Instant expiresAt) {
        return new MailDraft(Outbox.KIND_RESET, tenantId, locale, HeaderText.clean(serviceName, 100), link, code,
                expiresAt.toEpochMilli());
    }

    public static MailDraft passwordChanged(@Nullable String tenantId, @Nullable String locale, String serviceName,
                                            Instant changedAt) {
        return new MailDraft(Outbox.KIND_PASSWORD_CHANGED, tenantId, locale, HeaderText.clean(serviceName, 100), null, null,
                changedAt.toEpochMilli());
    }

    /** The values the templates of this kind use. */
    Map<String, Object> values() {
        Map<String, Object> values = new HashMap<>();
        values.put("serviceName", serviceName);
        var at = Instant.ofEpochMilli(atEpochMilli).atZone(ZoneOffset.UTC);
        if (Outbox.KIND_RESET.equals(kind)) {
            values.put("link", link);
            values.put("code", code);
            values.put("expiresAt", at);
        } else {
            values.put("changedAt", at);
        }
        return values;
    }
}
