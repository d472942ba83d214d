package resetkit.schema;

import io.micronaut.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Adds the migrations written in Java (those that differ by database) to the SQL ones in
 * {@code db/migration} for the default datasource.
 */
@Singleton
@Named("default")
class SchemaMigrations implements FlywayConfigurationCustomizer {
    @Override
    public void customizeFluentConfiguration(FluentConfiguration configuration) {
        configuration.javaMigrations(new AsciiKeyColumns());
    }

    @Override
    public String getName() {
        return "default";
    }
}
