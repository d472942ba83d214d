package resetkit.reset;

import io.micronaut.core.annotation.Creator;
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
        @Nullable Instant finishedAt,
        @Nullable Instant codeVerifiedAt) {

    @Creator
    public ResetFlow {
    }

    /** A flow whose code has not been confirmed yet (every new flow). */
    public ResetFlow(String id, String tenantId, String accountId, String tokenDigest, String codeDigest, FlowStatus status,
                     int failedAttempts, String channel, Instant createdAt, Instant expiresAt, @Nullable Instant finishedAt) {
        this(id, tenantId, accountId, tokenDigest, codeDigest, status, failedAttempts, channel, createdAt, expiresAt, finishedAt, null);
    }

    public boolean codeConfirmed() {
        return codeVerifiedAt != null;
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
