package resetkit.reset;

import resetkit.account.Tenant;

import java.time.Instant;

/**
 * A reset request with everything that does not depend on the account already made: the flow id,
 * the secrets (the token only as the link that carries it, and as its digest) and the times.
 * {@link ResetBatchWriter} looks the account up and stores what follows.
 */
record ResetOrder(Tenant tenant, ResetRequest request, String flowId, String link, String code, String tokenDigest,
                  String codeDigest, Instant createdAt, Instant expiresAt) {
}
