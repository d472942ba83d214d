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
import java.util.concurrent.CompletionException;

/**
 * Step 1: make the flow's secrets, then hand the request to {@link GroupCommit}, which counts it
 * against the rate limits, looks the account up and stores the new flow, the revocation of the
 * account's other open flows, the mail and the audit event in one transaction, possibly shared
 * with other requests, and returns once they are committed. An unknown account takes the same
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

    /** Throws {@link RateLimited} when the request exceeds a limit (it is counted, and nothing else is stored). */
    public ResetTicket start(Tenant tenant, ResetRequest request, String linkBase, @Nullable String clientIp) {
        try {
            return startAsync(tenant, request, linkBase, clientIp).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * As {@link #start} without blocking the caller (nothing here waits: the secrets are made, the
     * order is queued): the future completes once the request is committed, or fails with
     * {@link RateLimited} or what prevented the commit.
     */
    public CompletableFuture<ResetTicket> startAsync(Tenant tenant, ResetRequest request, String linkBase, @Nullable String clientIp) {
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
