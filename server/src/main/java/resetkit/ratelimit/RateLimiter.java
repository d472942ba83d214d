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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Counts reset requests per tenant, per client IP and per identifier in the database, so every
 * instance sharing it enforces the same limits. The identifier is counted as given, whether or not
 * an account has it, so being limited reveals nothing about accounts. Counter keys are digests.
 *
 * <p>Many requests are counted at once, in their batch's transaction ({@link #countAll}): the
 * counters they touch are locked in key order, the requests are counted one after the other in
 * memory, exactly as if each had come alone, and the new counts are written back in two
 * statements. A request checks its tenant, then its address, then its identifier, and a limit it
 * exceeds ends its counting there.
 */
@Singleton
public class RateLimiter {
    private static final int RACE_ATTEMPTS = 3;

    private final RateLimitCounters counters;
    private final RateLimitSettings settings;
    private final Clock clock;
    private final TransactionOperations<Connection> transactions;

    RateLimiter(RateLimitCounters counters, RateLimitSettings settings, Clock clock, TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
        this.counters = counters;
        this.settings = settings;
        this.clock = clock;
    }

    /** One reset request to count. */
    public record Hit(Tenant tenant, @Nullable String identifier, @Nullable String clientIp) {
    }

    private record Check(String key, int limit, Duration window) {
    }

    /**
     * Counts one reset request in a transaction of its own; throws {@link RateLimited} when any limit
     * is exceeded. Switched off, it opens no transaction at all.
     */
    public void countResetRequest(Tenant tenant, @Nullable String identifier, @Nullable String clientIp) {
        if (!settings.isEnabled()) {
            return;
        }
        List<Hit> hit = List.of(new Hit(tenant, identifier, clientIp));
        Duration refused = retryingRaces(() -> transactions.executeWrite(status -> countAll(hit)).get(0));
        if (refused != null) {
            throw new RateLimited(refused);
        }
    }

    /**
     * Runs {@code counting}, a transaction that calls {@link #countAll}, again when it lost the race
     * to create a counter ({@link CountersRaced}); the next run finds the counter. A few runs at most.
     */
    public static <T> T retryingRaces(Supplier<T> counting) {
        for (int attempt = 1; ; attempt++) {
            try {
                return counting.get();
            } catch (CountersRaced e) {
                if (attempt == RACE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Counts the requests, in this order, in the caller's transaction. Returns for each either null
     * (within its limits) or how long until it may try again. Switched off: nothing is counted, no
     * statement is sent, and every request is within its limits.
     */
    public List<Duration> countAll(List<Hit> hits) {
        List<Duration> refusals = new ArrayList<>(hits.size());
        if (!settings.isEnabled()) {
            hits.forEach(h -> refusals.add(null));
            return refusals;
        }
        Instant now = clock.instant();
        List<List<Check>> checksPerHit = hits.stream().map(this::checks).toList();
        TreeSet<String> keys = new TreeSet<>();
        checksPerHit.forEach(checks -> checks.forEach(c -> keys.add(c.key())));
        Map<String, RateLimitCounter> stored = counters.lockAll(keys);
        Map<String, RateLimitCounter> counted = new LinkedHashMap<>();
        for (int i = 0; i < hits.size(); i++) {
            refusals.add(count(hits.get(i).tenant(), checksPerHit.get(i), stored, counted, now));
        }
        counters.store(counted.values().stream().filter(c -> !stored.containsKey(c.counterKey())).toList(),
                counted.values().stream().filter(c -> stored.containsKey(c.counterKey())).toList());
        return refusals;
    }

    /** Counts one request against the counters as the requests before it left them; null, or the time until it may retry. */
    private static @Nullable Duration count(Tenant tenant, List<Check> checks, Map<String, RateLimitCounter> stored,
                                            Map<String, RateLimitCounter> counted, Instant now) {
        for (Check check : checks) {
            RateLimitCounter before = counted.getOrDefault(check.key(), stored.get(check.key()));
            RateLimitCounter after = before == null || !before.windowStart().isAfter(now.minus(check.window()))
                    ? new RateLimitCounter(check.key(), tenant.id(), now, 1)
                    : new RateLimitCounter(check.key(), before.tenantId(), before.windowStart(), before.hits() + 1);
            counted.put(check.key(), after);
            if (after.hits() > check.limit()) {
                Duration retryAfter = Duration.between(now, after.windowStart().plus(check.window()));
                return retryAfter.isNegative() ? Duration.ZERO : retryAfter;
            }
        }
        return null;
    }

    private List<Check> checks(Hit hit) {
        Tenant tenant = hit.tenant();
        List<Check> checks = new ArrayList<>(3);
        checks.add(new Check(key(tenant, "tenant", tenant.id()), limit(tenant.limitPerTenant(), settings.getPerTenant()),
                settings.getTenantWindow()));
        if (hit.clientIp() != null) {
            checks.add(new Check(key(tenant, "ip", hit.clientIp()), limit(tenant.limitPerIp(), settings.getPerIp()), settings.getIpWindow()));
        }
        String normalised = hit.identifier() == null ? "" : hit.identifier().trim().toLowerCase(Locale.ROOT);
        checks.add(new Check(key(tenant, "identifier", normalised), limit(tenant.limitPerIdentifier(), settings.getPerIdentifier()),
                settings.getIdentifierWindow()));
        return checks;
    }

    /** The counter key of one dimension ("tenant", "ip" or "identifier") and value: a digest, so no identifier is stored. */
    public static String key(Tenant tenant, String dimension, String value) {
        return Digests.sha256Hex(tenant.id() + "\n" + dimension + "\n" + value);
    }

    private static int limit(@Nullable Integer tenantOwn, int configured) {
        return tenantOwn != null ? tenantOwn : configured;
    }
}
