package resetkit.ops;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Map;

/**
 * Whether the database answers. Replaces Micronaut's JDBC indicator, which names each datasource
 * by its JDBC URL (that can carry a user name or password); this one shows only the product.
 */
@Singleton
public class DatabaseHealthIndicator extends ProbeHealthIndicator {
    private static final int TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;

    DatabaseHealthIndicator(DataSource dataSource, OperationsSettings settings) {
        super("database", settings.getCacheFor());
        // the raw pool: the injected DataSource only lends connections inside a transaction
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    @Override
    protected boolean probe(Map<String, Object> details) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            details.put("product", connection.getMetaData().getDatabaseProductName());
            return connection.isValid(TIMEOUT_SECONDS);
        }
    }
}
