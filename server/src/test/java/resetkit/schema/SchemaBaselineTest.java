package resetkit.schema;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import resetkit.testing.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The MySQL baseline ({@code db/baseline/mysql}) builds exactly the schema that the versioned
 * migrations build, and Flyway, configured as the server configures it ({@link SchemaMigrations}),
 * runs it on an empty database only. MariaDB/MySQL only: H2 has no baseline.
 */
class SchemaBaselineTest {
    private static final String COLUMNS = "SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_DEFAULT, IS_NULLABLE, COLUMN_TYPE,"
            + " CHARACTER_SET_NAME, COLLATION_NAME, EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
            + " ORDER BY TABLE_NAME, ORDINAL_POSITION";
    private static final String INDEXES = "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME, SUB_PART"
            + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX";
    private static final String TABLES = "SELECT TABLE_NAME, ENGINE, TABLE_COLLATION FROM information_schema.TABLES"
            + " WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME";
    private static final String HISTORY = "SELECT version, type, script, success FROM flyway_schema_history ORDER BY installed_rank";

    @BeforeAll
    static void mysqlOnly() {
        assumeTrue(TestDatabase.isMysql(), "needs -Dresetkit.test.db=mariadb");
    }

    @Test
    void anEmptyDatabaseGetsTheBaselineAndTheSchemaTheMigrationsBuild() throws SQLException {
        try (TestDatabase migrated = new TestDatabase(); TestDatabase baselined = new TestDatabase()) {
            versionedMigrationsOnly(migrated).load().migrate();
            assertEquals(1, asServerDoes(baselined).load().migrate().migrationsExecuted);

            assertEquals(List.of(List.of("56", "SQL_BASELINE", "B56__schema_at_version_56.sql", "1")), rows(baselined, HISTORY));
            assertSameSchema(migrated, baselined);
            assertEquals(0, asServerDoes(baselined).load().migrate().migrationsExecuted, "a restart has nothing to do");
        }
    }

    @Test
    void aDatabaseWithAHistoryGoesOnWithTheVersionedMigrations() throws SQLException {
        try (TestDatabase migrated = new TestDatabase(); TestDatabase upgraded = new TestDatabase()) {
            versionedMigrationsOnly(migrated).load().migrate();
            versionedMigrationsOnly(upgraded).target("52").load().migrate();

            assertEquals(4, asServerDoes(upgraded).load().migrate().migrationsExecuted);

            List<List<String>> history = rows(upgraded, HISTORY);
            assertTrue(history.stream().noneMatch(row -> row.get(1).contains("BASELINE")), history.toString());
            assertEquals(List.of("53", "54", "55", "56"), history.subList(history.size() - 4, history.size()).stream().map(row -> row.get(0)).toList());
            assertSameSchema(migrated, upgraded);
        }
    }

    private static FluentConfiguration versionedMigrationsOnly(TestDatabase database) {
        return connectedTo(database).javaMigrations(new BinaryKeyColumns());
    }

    private static FluentConfiguration asServerDoes(TestDatabase database) {
        FluentConfiguration configuration = connectedTo(database);
        new SchemaMigrations().customizeFluentConfiguration(configuration);
        return configuration;
    }

    private static FluentConfiguration connectedTo(TestDatabase database) {
        return Flyway.configure().dataSource(database.jdbcUrl(), database.properties().get("datasources.default.username"),
                database.properties().get("datasources.default.password"));
    }

    private static void assertSameSchema(TestDatabase expected, TestDatabase actual) throws SQLException {
        for (String query : List.of(TABLES, COLUMNS, INDEXES)) {
            List<List<String>> rows = rows(expected, query);
            assertTrue(rows.size() > 8, "the migrated schema is described: " + rows);
            assertEquals(String.join("\n", rows.stream().map(List::toString).toList()),
                    String.join("\n", rows(actual, query).stream().map(List::toString).toList()));
        }
    }

    private static List<List<String>> rows(TestDatabase database, String query) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            ResultSetMetaData meta = r.getMetaData();
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(String.valueOf(r.getString(i)));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
