package resetkit.schema;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * Migration 53, MySQL and MariaDB only: ids, digests, statuses and tenant ids become ASCII columns.
 * They were utf8mb4 with a case-insensitive Unicode collation, so every key comparison in an
 * index (time-ordered ids share their first characters) decoded both sides character by character:
 * about a tenth of MariaDB's CPU under the reset benchmark. Server-made values (ids, hex digests,
 * statuses) compare byte for byte; tenant ids (ASCII by the API's pattern) keep comparing without
 * regard to case, as before. Emails, usernames and external ids keep utf8mb4.
 *
 * <p>H2 (the embedded default) compares strings by their characters already: nothing to do there.
 * The tables are rebuilt, which takes a while on large ones.
 */
final class AsciiKeyColumns implements JavaMigration {
    private static final String BYTES = " CHARACTER SET ascii COLLATE ascii_bin";
    private static final String ANY_CASE = " CHARACTER SET ascii COLLATE ascii_general_ci";
    private static final String ID = "CHAR(36)" + BYTES;
    private static final String DIGEST = "CHAR(64)" + BYTES;
    private static final String TENANT = "VARCHAR(64)" + ANY_CASE + " NOT NULL";

    static final List<String> STATEMENTS = List.of(
            "ALTER TABLE tenant MODIFY id " + TENANT,
            "ALTER TABLE tenant_api_key MODIFY key_digest " + DIGEST + " NOT NULL, MODIFY tenant_id " + TENANT,
            "ALTER TABLE account MODIFY id " + ID + " NOT NULL, MODIFY tenant_id " + TENANT,
            "ALTER TABLE reset_flow MODIFY id " + ID + " NOT NULL, MODIFY tenant_id " + TENANT
                    + ", MODIFY account_id " + ID + " NOT NULL, MODIFY token_digest " + DIGEST + " NOT NULL"
                    + ", MODIFY code_digest " + DIGEST + " NOT NULL, MODIFY status CHAR(8)" + BYTES + " NOT NULL",
            "ALTER TABLE outbox_message MODIFY id " + ID + " NOT NULL, MODIFY tenant_id " + TENANT
                    + ", MODIFY flow_id " + ID + ", MODIFY status VARCHAR(16)" + BYTES + " NOT NULL"
                    + ", MODIFY claimed_by VARCHAR(64)" + BYTES,
            "ALTER TABLE audit_event MODIFY id " + ID + " NOT NULL, MODIFY tenant_id " + TENANT
                    + ", MODIFY flow_id " + ID + ", MODIFY account_id " + ID,
            "ALTER TABLE rate_limit_counter MODIFY counter_key " + DIGEST + " NOT NULL, MODIFY tenant_id " + TENANT);

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("53");
    }

    @Override
    public String getDescription() {
        return "ascii key columns";
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
        String product = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (!product.contains("mysql") && !product.contains("mariadb")) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : STATEMENTS) {
                statement.execute(sql);
            }
        }
    }
}
