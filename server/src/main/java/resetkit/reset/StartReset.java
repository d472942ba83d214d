package resetkit.reset;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import resetkit.account.Tenant;
import resetkit.ratelimit.RateLimited;
import resetkit.support.TimeOrderedIds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Step 1: make the flow's secrets, then hand the request to {@link GroupCommit}, which counts it
 * against the rate limits, looks the account up and stores the new flow, the revocation of the
 * account's other open flows, the mail and the audit event in one transaction, possibly shared
 * with other requests, and answers once they are committed. An unknown account takes the same
 * path and stores only its audit event; its caller gets a ticket of the same shape.
 */
@Singleton
public class StartReset {
    private final SecretDigester digester;
    private final ResetSettings settings;
    private final ResetLinks links;
    private final GroupCommit commits;
    private final Clock clock;

    StartReset(SecretDigester digester, ResetSettings settings, ResetLinks links, GroupCommit commits, Clock clock) {
        this.digester = digester;
        this.settings = settings;
        this.links = links;
        this.commits = commits;
        this.clock = clock;
    }

    /**
     * Makes the secrets and queues the order; nothing here waits. The future completes once the
     * request is committed, or fails with {@link RateLimited} (the request was counted, and nothing
     * else is stored) or with what prevented the commit.
     */
    public CompletableFuture<ResetTicket> start(Tenant tenant, ResetRequest request, String linkBase, @Nullable String clientIp) {
        Instant now = clock.instant();
        Duration lifetime = request.lifetime() != null ? request.lifetime() : Duration.ofSeconds(tenant.tokenTtlSeconds());
        String flowId = TimeOrderedIds.next();
        ResetSecrets secrets = ResetSecrets.generate(flowId, settings.getCodeLength());
        ResetOrder order = new ResetOrder(tenant, request, flowId, links.link(linkBase, secrets.token()), secrets.code(),
                digester.tokenDigest(secrets.token()), digester.codeDigest(flowId, secrets.code()), now, now.plus(lifetime), clientIp);
        return commits.submit(order).thenApply(outcome -> {
            if (outcome.refused()) {
                throw new RateLimited(outcome.retryAfter());
            }
            return new ResetTicket(flowId, order.expiresAt(), outcome.opened() ? secrets.token() : LinkTokens.issue(flowId));
        });
    }
}
