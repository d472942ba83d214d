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
 *
 * <p>The statement cache is per connection and holds a parsed form of each SQL text, which grows
 * with the statement's placeholders: it keeps at most 64 statements of at most 640 characters,
 * a few hundred kilobytes per connection. Long statements (multi-row inserts, IN lists of a large
 * batch) are parsed at each use instead; with 256 entries of up to 4096 characters, every batch
 * size of every multi-row insert became an entry on every connection, about 9 KB each, and the live
 * heap grew by 10 MB and more over a few minutes of load.
 */
@Singleton
public class MysqlDriverTuning implements BeanCreatedEventListener<DatasourceConfiguration> {
    static final Map<String, String> SETTINGS = Map.of(
            "cachePrepStmts", "true",
            "prepStmtCacheSize", "64",
            "prepStmtCacheSqlLimit", "640",
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
