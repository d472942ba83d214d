package resetkit.retention;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the tables at the size of their retention windows, so request latency does not grow with
 * the service's age: deletes expired flows, sent outbox rows, old audit events and old rate-limit
 * counters, {@code batch-size} rows per statement (each its own short transaction) until none are
 * left. Several instances may run it at once: a row is deleted once, whoever gets there first.
 */
@Singleton
public class Purger {
    private static final Logger LOG = LoggerFactory.getLogger(Purger.class);

    private final RetentionRepository rows;
    private final RetentionSettings settings;
    private final Clock clock;
    private final AtomicBoolean stopping = new AtomicBoolean();

    Purger(RetentionRepository rows, RetentionSettings settings, Clock clock) {
        this.rows = rows;
        this.settings = settings;
        this.clock = clock;
    }

    public record Purged(long flows, long sentMail, long auditEvents, long rateLimitCounters) {
        long total() {
            return flows + sentMail + auditEvents + rateLimitCounters;
        }
    }

    @Scheduled(fixedDelay = "${resetkit.retention.interval:10m}", initialDelay = "${resetkit.retention.interval:10m}")
    void scheduled() {
        if (!settings.isEnabled()) {
            return;
        }
        try {
            Purged purged = purge();
            if (purged.total() > 0) {
                LOG.info("Retention purge: {}", purged);
            }
        } catch (RuntimeException e) {
            LOG.warn("Retention purge failed: {}", e.toString());
        }
    }

    /** One full pass over all four tables. */
    public Purged purge() {
        Instant now = clock.instant();
        return new Purged(
                drain(limit -> rows.deleteFlowsExpiredBefore(now.minus(settings.getFlows()), limit)),
                drain(limit -> rows.deleteMailSentBefore(now.minus(settings.getSentMail()), limit)),
                drain(limit -> rows.deleteEventsBefore(now.minus(settings.getAuditEvents()), limit)),
                drain(limit -> rows.deleteCountersBefore(now.minus(settings.getRateLimitCounters()), limit)));
    }

    private long drain(BatchDelete delete) {
        int limit = Math.max(1, settings.getBatchSize());
        long total = 0;
        int deleted;
        do {
            deleted = delete.next(limit);
            total += deleted;
        } while (deleted == limit && !stopping.get());
        return total;
    }

    @FunctionalInterface
    private interface BatchDelete {
        int next(int limit);
    }

    @PreDestroy
    void stop() {
        stopping.set(true);
    }
}
