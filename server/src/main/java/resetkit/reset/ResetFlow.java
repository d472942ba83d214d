package resetkit.reset;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One attempt to reset one account's password. Holds only digests of its secrets. */
@MappedEntity("reset_flow")
public record ResetFlow(
        @Id String id,
        String tenantId,
        String accountId,
        String tokenDigest,
        String codeDigest,
        FlowStatus status,
        int failedAttempts,
        String channel,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant finishedAt) {

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
