package resetkit.mail;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import resetkit.audit.AuditLog;
import resetkit.support.InLists;

import java.time.Instant;
import java.util.List;

/** Marks a delivered batch as sent and writes its "delivered" events, in one transaction (one commit per batch). */
@Singleton
class OutboxReceipts {
    private final OutboxRepository messages;
    private final AuditLog audit;

    OutboxReceipts(OutboxRepository messages, AuditLog audit) {
        this.messages = messages;
        this.audit = audit;
    }

    @Transactional
    void delivered(List<OutboxMessage> sent, Instant now) {
        if (sent.isEmpty()) {
            return;
        }
        messages.markAllSent(InLists.padded(sent.stream().map(OutboxMessage::id).toList()),
                InLists.padded(sent.stream().map(OutboxMessage::claimedBy).distinct().toList()), now);
        audit.recordAll(sent.stream()
                .map(m -> new AuditLog.Entry(m.tenantId(), AuditLog.MAIL_DELIVERED, m.flowId(), null, m.kind()))
                .toList());
    }
}
