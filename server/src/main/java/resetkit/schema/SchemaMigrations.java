package resetkit.schema;

import io.micronaut.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Adds to the SQL migrations in {@code db/migration} for the default datasource the ones written
 * in Java (those that differ by database) and, on MySQL and MariaDB, the baseline in
 * {@link #MYSQL_BASELINE}: the schema of version 56 in one script, which Flyway runs instead of
 * migrations 1 to 56 on an empty database only, so that a new deployment creates each table
 * once instead of creating, altering and rebuilding it. H2 keeps the versioned migrations, which
 * its tests run every time. Being named "default", this takes the place of micronaut-flyway's own
 * customizer for that datasource, which would add {@code JavaMigration} and {@code Callback}
 * beans: list any such migration here instead.
 */
@Singleton
@Named("default")
class SchemaMigrations implements FlywayConfigurationCustomizer {
    static final String MYSQL_BASELINE = "classpath:db/baseline/mysql";

    @Override
    public void customizeFluentConfiguration(FluentConfiguration configuration) {
        configuration.javaMigrations(new BinaryKeyColumns());
        if (isMysql(configuration.getDataSource())) {
            List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
            locations.add(new Location(MYSQL_BASELINE));
            configuration.locations(locations.toArray(Location[]::new));
        }
    }

    @Override
    public String getName() {
        return "default";
    }

    static boolean isMysql(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return product.contains("mysql") || product.contains("mariadb");
    }

    private static boolean isMysql(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return isMysql(connection);
        } catch (SQLException e) {
            throw new FlywayException("cannot tell which database the migrations are for: " + e.getMessage(), e);
        }
    }
}
