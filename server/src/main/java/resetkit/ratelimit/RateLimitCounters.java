package resetkit.ratelimit;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import resetkit.support.InLists;
import resetkit.support.RowInserter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The counters' rows, read and written for many requests at once in the caller's transaction: one
 * statement locks them, one inserts the new ones and one updates the others, whatever their number.
 */
@Singleton
class RateLimitCounters {
    static final RowInserter.Table<RateLimitCounter> TABLE = new RowInserter.Table<>("rate_limit_counter",
            List.of("counter_key", "tenant_id", "window_start", "hits"),
            c -> new Object[] {c.counterKey(), c.tenantId(), c.windowStart(), c.hits()});

    private final RateLimitCounterRepository repository;
    private final RowInserter inserter;
    private final TransactionOperations<Connection> transactions;

    RateLimitCounters(RateLimitCounterRepository repository, RowInserter inserter, TransactionOperations<Connection> transactions) {
        this.repository = repository;
        this.inserter = inserter;
        this.transactions = transactions;
    }

    /** The existing counters among {@code keys}, by key, locked until the transaction ends. */
    Map<String, RateLimitCounter> lockAll(Collection<String> keys) {
        Map<String, RateLimitCounter> byKey = new HashMap<>();
        repository.lockAll(InLists.padded(keys)).forEach(c -> byKey.put(c.counterKey(), c));
        return byKey;
    }

    /**
     * Inserts {@code created}; a counter another transaction created since {@link #lockAll} fails
     * the insert with {@link CountersRaced} rather than losing its count. Sets {@code changed}, which
     * the caller holds locked, to their new window and hits.
     */
    void store(List<RateLimitCounter> created, List<RateLimitCounter> changed) {
        try {
            inserter.insertAll(TABLE, created);
        } catch (DataAccessException e) {
            if (e.getCause() instanceof SQLIntegrityConstraintViolationException) {
                throw new CountersRaced(e);
            }
            throw e;
        }
        if (changed.isEmpty()) {
            return;
        }
        // padded like an IN list, so the statement comes in few shapes; a repeated row sets the same values again
        List<RateLimitCounter> rows = InLists.padded(changed);
        transactions.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection().prepareStatement(updateSql(rows.size()))) {
                int index = 1;
                for (RateLimitCounter row : rows) {
                    inserter.bind(update, index++, row.counterKey());
                    inserter.bind(update, index++, row.hits());
                }
                for (RateLimitCounter row : rows) {
                    inserter.bind(update, index++, row.counterKey());
                    inserter.bind(update, index++, row.windowStart());
                }
                for (RateLimitCounter row : rows) {
                    inserter.bind(update, index++, row.counterKey());
                }
                update.executeUpdate();
            } catch (SQLException e) {
                throw new DataAccessException("rate limit counters not updated: " + e.getMessage(), e);
            }
            return null;
        });
    }

    private static String updateSql(int rows) {
        String cases = String.join(" ", Collections.nCopies(rows, "WHEN ? THEN ?"));
        return "UPDATE rate_limit_counter SET hits = CASE counter_key " + cases + " END, window_start = CASE counter_key " + cases
                + " END WHERE counter_key IN " + InLists.placeholders(rows);
    }
}
