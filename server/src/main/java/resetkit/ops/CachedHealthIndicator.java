package resetkit.ops;

import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A check whose result is reused for {@code resetkit.health.cache-for}. /health is anonymous: without
 * this, every call would open a database connection, count the outbox and connect to the SMTP relay,
 * so a client polling it in a loop would multiply that work (and with the relay gone, hold a thread
 * for the probe timeout per call). Callers arriving while a check runs wait for its result instead
 * of starting another.
 */
abstract class CachedHealthIndicator<T> extends AbstractHealthIndicator<T> {
    private final long cacheForNanos;
    private final LongSupplier nanoClock;
    private HealthResult last;
    private long lastAt;

    CachedHealthIndicator(Duration cacheFor) {
        this(cacheFor, System::nanoTime);
    }

    CachedHealthIndicator(Duration cacheFor, LongSupplier nanoClock) {
        this.cacheForNanos = cacheFor.toNanos();
        this.nanoClock = nanoClock;
    }

    @Override
    protected synchronized HealthResult getHealthResult() {
        if (last == null || nanoClock.getAsLong() - lastAt >= cacheForNanos) {
            last = super.getHealthResult();
            lastAt = nanoClock.getAsLong();
        }
        return last;
    }
}
