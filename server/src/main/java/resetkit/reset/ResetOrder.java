package resetkit.reset;

import io.micronaut.core.annotation.Nullable;
import resetkit.account.Tenant;

import java.time.Instant;

/**
 * A reset request with everything that does not depend on the account already made: the flow id,
 * the secrets (the token only as the link that carries it, and as its digest), the times, and the
 * client's address (read on the request's thread; the rate limits count it).
 * {@link ResetBatchWriter} counts it against the rate limits, looks the account up and stores what follows.
 */
record ResetOrder(Tenant tenant, ResetRequest request, String flowId, String link, String code, String tokenDigest,
                  String codeDigest, Instant createdAt, Instant expiresAt, @Nullable String clientIp) {
}
