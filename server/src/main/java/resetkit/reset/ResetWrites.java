package resetkit.reset;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import resetkit.account.Account;
import resetkit.account.Tenant;
import resetkit.audit.AuditLog;
import resetkit.mail.MailDraft;
import resetkit.mail.MailSettings;
import resetkit.mail.Outbox;
import resetkit.mail.PreparedMail;

/**
 * What a reset request stores once its account is known: the open flow, its mail (subject
 * rendered, draft sealed) and the audit event. For an unknown account the same mail work is done
 * and dropped, and only the event is stored, so both cost the same.
 */
@Singleton
class ResetWrites {
    private final Outbox outbox;
    private final MailSettings mailSettings;

    ResetWrites(Outbox outbox, MailSettings mailSettings) {
        this.outbox = outbox;
        this.mailSettings = mailSettings;
    }

    ResetWrite forOrder(ResetOrder order, @Nullable Account account) {
        Tenant tenant = order.tenant();
        ResetRequest request = order.request();
        String serviceName = request.appName() != null && !request.appName().isBlank() ? request.appName() : tenant.name();
        MailDraft draft = MailDraft.reset(tenant.id(), mailLocale(request, account), serviceName, order.link(), order.code(),
                order.expiresAt());
        PreparedMail mail = outbox.prepare(tenant.id(), order.flowId(), mailSettings.senderFor(tenant.mailFrom()),
                account == null ? request.identifier() : account.email(), draft);
        String detail = "via " + request.channel();
        if (account == null) {
            return ResetWrite.forUnknownAccount(tenant.id(),
                    new AuditLog.Entry(tenant.id(), AuditLog.RESET_REQUESTED_UNKNOWN, null, null, detail));
        }
        ResetFlow flow = new ResetFlow(order.flowId(), tenant.id(), account.id(), order.tokenDigest(), order.codeDigest(),
                FlowStatus.OPEN, 0, request.channel(), order.createdAt(), order.expiresAt(), null);
        return ResetWrite.forAccount(flow, mail, new AuditLog.Entry(tenant.id(), AuditLog.RESET_REQUESTED, flow.id(), account.id(), detail));
    }

    /** The language the request asked for, else the account's own. */
    static String mailLocale(ResetRequest request, @Nullable Account account) {
        if (request.locale() != null && !request.locale().isBlank()) {
            return request.locale();
        }
        return account == null ? null : account.locale();
    }
}
