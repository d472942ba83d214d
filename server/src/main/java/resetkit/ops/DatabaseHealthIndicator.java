package resetkit.ops;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether the database answers. Replaces Micronaut's JDBC indicator, which names each datasource
 * by its JDBC URL (that can carry a user name or password); this one shows only the product.
 */
@Singleton
public class DatabaseHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private static final int TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;

    DatabaseHealthIndicator(DataSource dataSource) {
        // the raw pool: the injected DataSource only lends connections inside a transaction
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            details.put("product", connection.getMetaData().getDatabaseProductName());
            healthStatus = connection.isValid(TIMEOUT_SECONDS) ? HealthStatus.UP : HealthStatus.DOWN;
        } catch (Exception e) {
            healthStatus = HealthStatus.DOWN;
            details.put("error", e.getClass().getSimpleName());
        }
        return details;
    }

    @Override
    protected String getName() {
        return "database";
    }
}
