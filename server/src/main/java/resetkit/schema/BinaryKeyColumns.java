package resetkit.schema;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.Statement;
import java.util.List;

/**
 * Migration 53, MySQL and MariaDB only: ids, digests and claims become byte strings
 * ({@code VARBINARY}), compared with {@code memcmp}. They had the default case-insensitive Unicode
 * collation, so every key comparison in an index (time-ordered ids share their first characters)
 * decoded both sides character by character: about a tenth of MariaDB's CPU under the reset
 * benchmark ({@code utf8mb4_bin} still decodes, half as much). Not an ASCII character set: a
 * value a client sends (a flow id, an identifier that is also matched against account ids) may
 * hold any character, and MariaDB refuses to compare an ASCII column with a string it cannot
 * convert ("illegal mix of collations") where a byte string compares with anything. Variable
 * length, so nothing is padded; the values are ASCII, so they read back as they were written.
 * Tenant ids keep their case-insensitive collation; statuses, emails, usernames and external ids
 * are not touched.
 *
 * <p>H2 (the embedded default) compares strings by their characters already: nothing to do there.
 * The tables are rebuilt, which takes a while on large ones.
 */
final class BinaryKeyColumns implements JavaMigration {
    private static final String ID = "VARBINARY(36)";
    private static final String DIGEST = "VARBINARY(64)";

    static final List<String> STATEMENTS = List.of(
            "ALTER TABLE tenant_api_key MODIFY key_digest " + DIGEST + " NOT NULL",
            "ALTER TABLE account MODIFY id " + ID + " NOT NULL",
            "ALTER TABLE reset_flow MODIFY id " + ID + " NOT NULL, MODIFY account_id " + ID + " NOT NULL"
                    + ", MODIFY token_digest " + DIGEST + " NOT NULL, MODIFY code_digest " + DIGEST + " NOT NULL",
            "ALTER TABLE outbox_message MODIFY id " + ID + " NOT NULL, MODIFY flow_id " + ID + ", MODIFY claimed_by VARBINARY(64)",
            "ALTER TABLE audit_event MODIFY id " + ID + " NOT NULL, MODIFY flow_id " + ID + ", MODIFY account_id " + ID,
            "ALTER TABLE rate_limit_counter MODIFY counter_key " + DIGEST + " NOT NULL");

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("53");
    }

    @Override
    public String getDescription() {
        return "binary key columns";
    }

    @Override
    public Integer getChecksum() {
        return String.join(";", STATEMENTS).hashCode();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        if (!SchemaMigrations.isMysql(context.getConnection())) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : STATEMENTS) {
                statement.execute(sql);
            }
        }
    }
}
