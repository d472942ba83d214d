package resetkit.support;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Connector/J settings for a MySQL or MariaDB datasource (H2 would refuse them). Without them the
 * driver parses every statement's SQL anew on each execution, sends a SET autocommit it could have
 * skipped at each transaction boundary, and sends a batch row by row. Settings in the JDBC URL win.
 */
@Singleton
public class MysqlDriverTuning implements BeanCreatedEventListener<DatasourceConfiguration> {
    static final Map<String, String> SETTINGS = Map.of(
            "cachePrepStmts", "true",
            "prepStmtCacheSize", "256",
            "prepStmtCacheSqlLimit", "4096",
            "useLocalSessionState", "true",
            "rewriteBatchedStatements", "true",
            "cacheServerConfiguration", "true",
            "cacheResultSetMetadata", "true",
            "maintainTimeStats", "false");

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        String url = config.getUrl();
        if (url != null && url.startsWith("jdbc:mysql:")) {
            SETTINGS.forEach(config::addDataSourceProperty);
        }
        return config;
    }
}
