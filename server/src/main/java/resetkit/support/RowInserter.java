package resetkit.support;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Stores many rows of one table with a single multi-row INSERT in the caller's transaction. The
 * hot path (a batch of reset requests) spent about half of its committer's CPU in the generic
 * batched save: entity introspection per value, and the MySQL driver sizing the batch by encoding
 * every timestamp twice through a freshly built date format.
 *
 * <p>Instants are bound as the JVM zone's local date-time, which is what binding a
 * {@link java.sql.Timestamp} (as the repositories do, and read it back) stores.
 */
@Singleton
public class RowInserter {
    private final TransactionOperations<Connection> transactions;
    private final ZoneId zone = ZoneId.systemDefault();
    private final ConcurrentHashMap<String, String> statements = new ConcurrentHashMap<>();

    RowInserter(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** A table's columns, and how one entity becomes their values (in that order). */
    public record Table<T>(String name, List<String> columns, Function<T, Object[]> values) {
    }

    public <T> void insertAll(Table<T> table, List<T> rows) {
        if (rows.isEmpty()) {
            return;
        }
        transactions.executeWrite(status -> {
            try (PreparedStatement insert = status.getConnection().prepareStatement(sql(table, rows.size()))) {
                int index = 1;
                for (T row : rows) {
                    for (Object value : table.values().apply(row)) {
                        bind(insert, index++, value);
                    }
                }
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new DataAccessException("insert into " + table.name() + " failed: " + e.getMessage(), e);
            }
            return null;
        });
    }

    private String sql(Table<?> table, int rows) {
        return statements.computeIfAbsent(table.name() + "/" + rows, key -> {
            String placeholders = InLists.placeholders(table.columns().size());
            return "INSERT INTO " + table.name() + " (" + String.join(", ", table.columns()) + ") VALUES "
                    + String.join(", ", Collections.nCopies(rows, placeholders));
        });
    }

    /** Binds a value as the inserts do (an Instant as the JVM zone's local date-time), for statements written by hand elsewhere. */
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, LocalDateTime.ofInstant(instant, zone));
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Enum<?> constant) {
            statement.setString(index, constant.name());
        } else {
            throw new IllegalArgumentException("no binding for " + value.getClass());
        }
    }
}
