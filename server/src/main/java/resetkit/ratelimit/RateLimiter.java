package resetkit.ratelimit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import resetkit.account.Tenant;
import resetkit.support.Digests;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Counts reset requests per identifier, per client IP and per tenant in the database, so every
 * instance sharing it enforces the same limits. The identifier is counted as given, whether or not
 * an account has it, so being limited reveals nothing about accounts. Counter keys are digests.
 */
@Singleton
public class RateLimiter {
    private final RateLimitCounterRepository counters;
    private final RateLimitSettings settings;
    private final Clock clock;
    private final TransactionOperations<Connection> transactions;

    RateLimiter(RateLimitCounterRepository counters, RateLimitSettings settings, Clock clock,
                TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
        this.counters = counters;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Counts one reset request; throws {@link RateLimited} when any limit is exceeded. Switched off,
     * it opens no transaction at all (an empty one still costs a pool checkout and a commit).
     */
    public void countResetRequest(Tenant tenant, String identifier, @Nullable String clientIp) {
        if (!settings.isEnabled()) {
            return;
        }
        transactions.executeWrite(status -> {
            count(tenant, identifier, clientIp);
            return null;
        });
    }

    private void count(Tenant tenant, String identifier, @Nullable String clientIp) {
        Instant now = clock.instant();
        check(tenant, "tenant", tenant.id(), limit(tenant.limitPerTenant(), settings.getPerTenant()), settings.getTenantWindow(), now);
        if (clientIp != null) {
            check(tenant, "ip", clientIp, limit(tenant.limitPerIp(), settings.getPerIp()), settings.getIpWindow(), now);
        }
        String normalised = identifier == null ? "" : identifier.trim().toLowerCase(Locale.ROOT);
        check(tenant, "identifier", normalised, limit(tenant.limitPerIdentifier(), settings.getPerIdentifier()),
                settings.getIdentifierWindow(), now);
    }

    private void check(Tenant tenant, String dimension, String value, int limit, Duration window, Instant now) {
        String key = Digests.sha256Hex(tenant.id() + "\n" + dimension + "\n" + value);
        RateLimitCounter counter = increment(tenant, key, window, now);
        if (counter.hits() > limit) {
            Duration retryAfter = Duration.between(now, counter.windowStart().plus(window));
            throw new RateLimited(retryAfter.isNegative() ? Duration.ZERO : retryAfter);
        }
    }

    private RateLimitCounter increment(Tenant tenant, String key, Duration window, Instant now) {
        Instant expiredBefore = now.minus(window);
        if (counters.hit(key, expiredBefore, now) == 0 && counters.insertFirstHit(key, tenant.id(), now) == 0) {
            counters.hit(key, expiredBefore, now);
        }
        return counters.findById(key).orElseThrow();
    }

    private static int limit(@Nullable Integer tenantOwn, int configured) {
        return tenantOwn != null ? tenantOwn : configured;
    }
}
