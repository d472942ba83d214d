package resetkit.support;

import com.mysql.cj.conf.ConnectionUrl;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Connector/J settings for a MySQL or MariaDB datasource (H2 would refuse them). Without them the
 * driver parses every statement's SQL anew on each execution, sends a SET autocommit it could have
 * skipped at each transaction boundary, and sends a batch row by row. Settings in the JDBC URL win (below).
 *
 * <p>The statement cache is per connection and holds a parsed form of each SQL text, which grows
 * with the statement's placeholders: it keeps at most 64 statements of at most 640 characters,
 * a few hundred kilobytes per connection. Long statements (multi-row inserts, IN lists of a large
 * batch) are parsed at each use instead; with 256 entries of up to 4096 characters, every batch
 * size of every multi-row insert became an entry on every connection, about 9 KB each, and the live
 * heap grew by 10 MB and more over a few minutes of load.
 *
 * <p>Connector/J lets properties handed to it override the same settings in the URL, so a setting
 * the URL names is left out here: an operator's URL is what the driver uses.
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
            settingsFor(url).forEach(config::addDataSourceProperty);
        }
        return config;
    }

    /** The settings to add to a MySQL URL's connections: all but those the URL names, as Connector/J itself reads the URL. */
    static Map<String, String> settingsFor(String url) {
        Set<String> named = ConnectionUrl.getConnectionUrlInstance(url, new Properties()).getMainHost().getHostProperties().keySet();
        Map<String, String> settings = new TreeMap<>(SETTINGS);
        settings.keySet().removeAll(named);
        return settings;
    }
}
