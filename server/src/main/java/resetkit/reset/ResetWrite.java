package resetkit.reset;

import io.micronaut.core.annotation.Nullable;
import resetkit.audit.AuditLog;
import resetkit.mail.PreparedMail;

/**
 * What one reset request stores: a new flow and its mail for a known account, only the audit
 * event for an unknown one. Made by {@link ResetWrites}, stored by {@link ResetBatchWriter}.
 */
record ResetWrite(String tenantId, @Nullable ResetFlow flow, @Nullable PreparedMail mail, AuditLog.Entry event) {

    static ResetWrite forAccount(ResetFlow flow, PreparedMail mail, AuditLog.Entry event) {
        return new ResetWrite(flow.tenantId(), flow, mail, event);
    }

    static ResetWrite forUnknownAccount(String tenantId, AuditLog.Entry event) {
        return new ResetWrite(tenantId, null, null, event);
    }

    boolean opensFlow() {
        return flow != null;
    }

    String accountId() {
        return flow == null ? null : flow.accountId();
    }
}
