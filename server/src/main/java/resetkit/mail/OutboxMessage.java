package resetkit.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import resetkit.support.RowInserter;

import java.time.Instant;
import java.util.List;

@MappedEntity("outbox_message")
public record OutboxMessage(
        @Id String id,
        String tenantId,
        String kind,
        @Nullable String flowId,
        String recipient,
        String sender,
        String subject,
        String sealedBody,
        OutboxStatus status,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String claimedBy,
        @Nullable Instant claimedUntil,
        @Nullable String lastError,
        Instant createdAt,
        @Nullable Instant sentAt) {
    /** The columns a batch of mails is inserted with ({@link RowInserter}). */
    static final RowInserter.Table<OutboxMessage> TABLE = new RowInserter.Table<>("outbox_message",
            List.of("id", "tenant_id", "kind", "flow_id", "recipient", "sender", "subject", "sealed_body", "status", "attempts",
                    "next_attempt_at", "claimed_by", "claimed_until", "last_error", "created_at", "sent_at"),
            m -> new Object[] {m.id, m.tenantId, m.kind, m.flowId, m.recipient, m.sender, m.subject, m.sealedBody, m.status,
                    m.attempts, m.nextAttemptAt, m.claimedBy, m.claimedUntil, m.lastError, m.createdAt, m.sentAt});

    /** The same message, leased to {@code claim} until {@code until}. */
    OutboxMessage claimedBy(String claim, Instant until) {
        return new OutboxMessage(id, tenantId, kind, flowId, recipient, sender, subject, sealedBody, status, attempts,
                nextAttemptAt, claim, until, lastError, createdAt, sentAt);
    }
}
