package resetkit.account;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import resetkit.support.InLists;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accounts any of a batch's identifiers could name, in one statement. Mapped by hand rather
 * than through a repository method: every reset request runs this query, and Micronaut Data's
 * entity mapping (annotation lookups per property and row, query preparation) was a quarter of a
 * group-commit thread's time. Runs in the caller's transaction, if any (else on a connection of its
 * own, as a repository's finder does).
 */
@Singleton
class AccountCandidates {
    private static final String COLUMNS = "id, tenant_id, email, username, external_id, password_hash, locale, created_at, password_changed_at";

    private final ConnectionOperations<Connection> connections;
    /** by the lengths of the (padded) lists: a handful of shapes */
    private final ConcurrentHashMap<Long, String> statements = new ConcurrentHashMap<>();

    AccountCandidates(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    /** {@code emails} are matched against email, {@code identifiers} against username, external id and id. */
    List<Account> find(String tenantId, List<String> emails, List<String> identifiers) {
        String sql = statements.computeIfAbsent(((long) emails.size() << 32) | identifiers.size(), shape -> sql(emails.size(), identifiers.size()));
        return connections.executeRead(status -> {
            try (PreparedStatement query = status.getConnection().prepareStatement(sql)) {
                bind(query, tenantId, emails, identifiers);
                return read(query);
            } catch (SQLException e) {
                throw new DataAccessException("account lookup failed: " + e.getMessage(), e);
            }
        });
    }

    private static void bind(PreparedStatement query, String tenantId, List<String> emails, List<String> identifiers) throws SQLException {
        int index = 1;
        query.setString(index++, tenantId);
        for (String email : emails) {
            query.setString(index++, email);
        }
        for (int kind = 0; kind < 3; kind++) {
            for (String identifier : identifiers) {
                query.setString(index++, identifier);
            }
        }
    }

    private static List<Account> read(PreparedStatement query) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            List<Account> found = new ArrayList<>();
            while (rows.next()) {
                found.add(new Account(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                        rows.getString(6), rows.getString(7), instant(rows.getTimestamp(8)), instant(rows.getTimestamp(9))));
            }
            return found;
        }
    }

    // as Micronaut Data reads an Instant column elsewhere (the JDBC timestamp, in the JVM's zone)
    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String sql(int emails, int identifiers) {
        String identifierList = InLists.placeholders(identifiers);
        return "SELECT " + COLUMNS + " FROM account WHERE tenant_id = ? AND (email IN " + InLists.placeholders(emails)
                + " OR username IN " + identifierList + " OR external_id IN " + identifierList + " OR id IN " + identifierList + ")";
    }
}
