package resetkit.schema;

import io.micronaut.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Adds the migrations written in Java (those that differ by database) to the SQL ones in
 * {@code db/migration} for the default datasource. Being named "default", it takes the place of
 * micronaut-flyway's own customizer for that datasource, which would add {@code JavaMigration}
 * and {@code Callback} beans: list any such migration here instead.
 */
@Singleton
@Named("default")
class SchemaMigrations implements FlywayConfigurationCustomizer {
    @Override
    public void customizeFluentConfiguration(FluentConfiguration configuration) {
        configuration.javaMigrations(new BinaryKeyColumns());
    }

    @Override
    public String getName() {
        return "default";
    }
}
