package resetkit.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

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
    /** The same message, leased to {@code claim} until {@code until}. */
    OutboxMessage claimedBy(String claim, Instant until) {
        return new OutboxMessage(id, tenantId, kind, flowId, recipient, sender, subject, sealedBody, status, attempts,
                nextAttemptAt, claim, until, lastError, createdAt, sentAt);
    }
}
