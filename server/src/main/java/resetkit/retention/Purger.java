package resetkit.retention;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import resetkit.support.TimeOrderedIds;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the tables at the size of their retention windows, so request latency does not grow with
 * the service's age: deletes expired flows (and the old-style link tokens of flows that are gone),
 * sent outbox rows, old audit events and old rate-limit counters, {@code batch-size} rows at a time
 * (a SELECT of the oldest ids, then a DELETE by key, each its own short transaction) until none are left. Several instances may run it at once: a row is deleted once, whoever gets there first.
 *
 * <p>Flows, outbox rows and audit events are found by their time-ordered ids (see
 * {@link RetentionRepository}); rows keyed otherwise (random ids from before version 7 UUIDs) are
 * not found by that walk and stay.
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
                drainInKeyOrder(flowsBefore, rows::findFlowsAfter, ids -> rows.deleteFlowsExpiredBefore(ids, flowsBefore)),
                drain(rows::findLegacyTokensOfPurgedFlows, rows::deleteLegacyTokens),
                drainInKeyOrder(mailBefore, rows::findMailAfter, ids -> rows.deleteMailSentBefore(ids, mailBefore)),
                drainInKeyOrder(eventsBefore, rows::findEventsAfter, ids -> rows.deleteEventsBefore(ids, eventsBefore)),
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

    /** Candidate rows in a key range: ids after the first argument, below the second, at most the third. */
    interface KeyRange {
        List<String> after(String after, String below, int limit);
    }

    /**
     * For tables keyed by time-ordered ids: walks the ids made before {@code before}, batch after
     * batch from the lowest, and deletes those {@code delete} still finds old enough. Rows it must
     * keep (a flow that expires later, mail not sent yet) are passed over, not read again by every batch.
     */
    private long drainInKeyOrder(Instant before, KeyRange candidates, Function<List<String>, Integer> delete) {
        String below = TimeOrderedIds.firstAt(before);
        AtomicReference<String> after = new AtomicReference<>("");
        return drain(limit -> {
            List<String> batch = candidates.after(after.get(), below, limit);
            if (!batch.isEmpty()) {
                after.set(batch.get(batch.size() - 1));
            }
            return batch;
        }, delete);
    }

    @PreDestroy
    void stop() {
        stopping.set(true);
    }
}
