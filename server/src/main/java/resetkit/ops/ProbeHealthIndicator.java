package resetkit.ops;

import io.micronaut.health.HealthStatus;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A check that asks something outside the process (database, SMTP relay): UP when the probe
 * succeeds, DOWN when it fails or throws; an exception shows only its type, never its message
 * (which can carry host names, users or URLs).
 */
abstract class ProbeHealthIndicator extends CachedHealthIndicator<Map<String, Object>> {
    private final String name;

    ProbeHealthIndicator(String name, Duration cacheFor) {
        super(cacheFor);
        this.name = name;
    }

    /** Puts what is worth showing into details; returns whether the other side answered well. */
    protected abstract boolean probe(Map<String, Object> details) throws Exception;

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        try {
            healthStatus = probe(details) ? HealthStatus.UP : HealthStatus.DOWN;
        } catch (Exception e) {
            healthStatus = HealthStatus.DOWN;
            details.put("error", e.getClass().getSimpleName());
        }
        return details;
    }

    @Override
    protected String getName() {
        return name;
    }
}
