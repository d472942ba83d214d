package resetkit.retention;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the tables at the size of their retention windows, so request latency does not grow with
 * the service's age: deletes expired flows (and the old-style link tokens of flows that are gone),
 * sent outbox rows, old audit events and old rate-limit counters, {@code batch-size} rows at a time
 * (a SELECT of the oldest ids, then a DELETE by key, each its own short transaction) until none are left. Several instances may run it at once: a row is deleted once, whoever gets there first.
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

    public record Purged(long flows, long legacyLinkTokens, long sentMail, long auditEvents, long rateLimitCounters) {
        long total() {
            return flows + legacyLinkTokens + sentMail + auditEvents + rateLimitCounters;
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

    /** One full pass over all the tables. */
    public Purged purge() {
        Instant now = clock.instant();
        Instant flowsBefore = now.minus(settings.getFlows());
        Instant mailBefore = now.minus(settings.getSentMail());
        Instant eventsBefore = now.minus(settings.getAuditEvents());
        Instant countersBefore = now.minus(settings.getRateLimitCounters());
        return new Purged(
                drain(limit -> rows.findFlowsExpiredBefore(flowsBefore, limit), rows::deleteFlows),
                drain(rows::findLegacyTokensOfPurgedFlows, rows::deleteLegacyTokens),
                drain(limit -> rows.findMailSentBefore(mailBefore, limit), rows::deleteMail),
                drain(limit -> rows.findEventsBefore(eventsBefore, limit), rows::deleteEvents),
                drain(limit -> rows.findCountersBefore(countersBefore, limit), keys -> rows.deleteCounters(keys, countersBefore)));
    }

    private long drain(Function<Integer, List<String>> oldest, Function<List<String>, Integer> delete) {
        int limit = Math.max(1, settings.getBatchSize());
        long total = 0;
        List<String> batch;
        do {
            batch = oldest.apply(limit);
            if (!batch.isEmpty()) {
                total += delete.apply(batch);
            }
        } while (batch.size() == limit && !stopping.get());
        return total;
    }

    @PreDestroy
    void stop() {
        stopping.set(true);
    }
}
