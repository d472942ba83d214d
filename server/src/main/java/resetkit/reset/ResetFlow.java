package resetkit.reset;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import resetkit.support.RowInserter;

import java.time.Instant;
import java.util.List;

/**
 * One attempt to reset one account's password. Holds only digests of its secrets.
 *
 * @param expiresAt  when its link and code stop working: the end of their lifetime, or the moment
 *                   the flow was revoked (a revoke changes no column that was NULL, so the row
 *                   keeps its size; see migration V52)
 * @param finishedAt when it was used
 */
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
    /** The columns a batch of new flows is inserted with ({@link RowInserter}). */
    static final RowInserter.Table<ResetFlow> TABLE = new RowInserter.Table<>("reset_flow",
            List.of("id", "tenant_id", "account_id", "token_digest", "code_digest", "status", "failed_attempts", "channel",
                    "created_at", "expires_at", "finished_at", "code_verified_at"),
            f -> new Object[] {f.id, f.tenantId, f.accountId, f.tokenDigest, f.codeDigest, f.status, f.failedAttempts, f.channel,
                    f.createdAt, f.expiresAt, f.finishedAt, f.codeVerifiedAt});


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
