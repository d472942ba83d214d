package resetkit.ops;

import io.micronaut.health.HealthStatus;
import jakarta.inject.Singleton;
import resetkit.mail.Outbox;

import java.util.Map;

/**
 * The number of mails waiting for delivery. A large backlog is reported (status BACKLOG) but
 * keeps the instance operational: pulling it from a load balancer would not deliver mail faster.
 */
@Singleton
public class OutboxHealthIndicator extends CachedHealthIndicator<Map<String, Object>> {
    static final HealthStatus BACKLOG = new HealthStatus("BACKLOG", "more mails waiting than resetkit.health.outbox-backlog-warning", true, 1);

    private final Outbox outbox;
    private final OperationsSettings settings;

    OutboxHealthIndicator(Outbox outbox, OperationsSettings settings) {
        super(settings.getCacheFor());
        this.outbox = outbox;
        this.settings = settings;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        long backlog = outbox.backlog();
        healthStatus = backlog > settings.getOutboxBacklogWarning() ? BACKLOG : HealthStatus.UP;
        return Map.of("backlog", backlog, "warningAbove", settings.getOutboxBacklogWarning());
    }

    @Override
    protected String getName() {
        return "outbox";
    }
}
