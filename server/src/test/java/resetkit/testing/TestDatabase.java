package resetkit.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The database of one test class: a private in-memory H2 database by default, or, with
 * {@code -Dresetkit.test.db=mariadb}, a fresh MariaDB/MySQL database on 127.0.0.1:3306 that is
 * created now and dropped by {@link #close()}.
 */
public final class TestDatabase implements AutoCloseable {
    private static final String SERVER = System.getProperty("resetkit.test.mysql.server", "jdbc:mysql://127.0.0.1:3306/");
    private static final String USER = System.getProperty("resetkit.test.mysql.user", "root");
    private static final String PASSWORD = System.getProperty("resetkit.test.mysql.password", "");

    private final String name = "resetkit_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    private final boolean mysql;

    public TestDatabase() {
        this.mysql = isMysql();
        if (mysql) {
            execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    public static boolean isMysql() {
        String selected = System.getProperty("resetkit.test.db", "h2");
        return selected.equalsIgnoreCase("mariadb") || selected.equalsIgnoreCase("mysql");
    }

    public Map<String, String> properties() {
        Map<String, String> props = new HashMap<>();
        if (mysql) {
            props.put("datasources.default.url", SERVER + name + "?useSSL=false&allowPublicKeyRetrieval=true&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true");
            props.put("datasources.default.username", USER);
            props.put("datasources.default.password", PASSWORD);
        } else {
            props.put("datasources.default.url", "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
            props.put("datasources.default.username", "sa");
            props.put("datasources.default.password", "");
        }
        return props;
    }

    public String jdbcUrl() {
        return properties().get("datasources.default.url");
    }

    public Connection connect() throws SQLException {
        Map<String, String> p = properties();
        return DriverManager.getConnection(p.get("datasources.default.url"), p.get("datasources.default.username"), p.get("datasources.default.password"));
    }

    /** The first column of the first row of {@code sql} with its one parameter, or 0 when there is no row. */
    public long longValue(String sql, String parameter) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    @Override
    public void close() {
        if (mysql) {
            execute("DROP DATABASE IF EXISTS " + name);
        }
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB/MySQL at " + SERVER + " is needed for -Dresetkit.test.db=mariadb: " + e.getMessage(), e);
        }
    }
}
