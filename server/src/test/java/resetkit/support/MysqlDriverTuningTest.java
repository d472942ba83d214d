package resetkit.support;

import com.mysql.cj.conf.ConnectionUrl;
import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.JdbcPropertySetImpl;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MysqlDriverTuningTest {
    private static final String PLAIN = "jdbc:mysql://127.0.0.1:3306/resetkit";
    private static final String TUNED_BY_OPERATOR = PLAIN + "?useSSL=false&prepStmtCacheSize=16&rewriteBatchedStatements=false";

    @Test
    void aUrlWithoutSettingsGetsThemAll() {
        assertEquals(MysqlDriverTuning.SETTINGS, MysqlDriverTuning.settingsFor(PLAIN));
    }

    @Test
    void settingsTheUrlNamesAreLeftOut() {
        Map<String, String> settings = MysqlDriverTuning.settingsFor(TUNED_BY_OPERATOR);

        assertEquals(MysqlDriverTuning.SETTINGS.size() - 2, settings.size());
        assertEquals(null, settings.get("prepStmtCacheSize"));
        assertEquals(null, settings.get("rewriteBatchedStatements"));
        assertEquals("true", settings.get("cachePrepStmts"));
    }

    @Test
    void settingsNamedInTheUrlsHostSectionAreLeftOutToo() {
        Map<String, String> settings = MysqlDriverTuning.settingsFor("jdbc:mysql://address=(host=127.0.0.1)(port=3306)(prepStmtCacheSize=16)/resetkit");

        assertEquals(MysqlDriverTuning.SETTINGS.size() - 1, settings.size());
        assertEquals(null, settings.get("prepStmtCacheSize"));
    }

    @Test
    void theDriverUsesTheUrlsValueAndTheTuningForTheRest() {
        JdbcPropertySetImpl effective = driverView(TUNED_BY_OPERATOR, MysqlDriverTuning.settingsFor(TUNED_BY_OPERATOR));

        assertEquals(16, effective.getIntegerProperty(PropertyKey.prepStmtCacheSize).getValue());
        assertEquals(false, effective.getBooleanProperty(PropertyKey.rewriteBatchedStatements).getValue());
        assertEquals(true, effective.getBooleanProperty(PropertyKey.cachePrepStmts).getValue());
        assertEquals(640, effective.getIntegerProperty(PropertyKey.prepStmtCacheSqlLimit).getValue());
    }

    @Test
    void handedToTheDriverUnfilteredTheTuningWouldOverrideTheUrl() {
        JdbcPropertySetImpl effective = driverView(TUNED_BY_OPERATOR, MysqlDriverTuning.SETTINGS);

        assertEquals(64, effective.getIntegerProperty(PropertyKey.prepStmtCacheSize).getValue());
    }

    /** The settings Connector/J would connect with (read without connecting), as Hikari hands it URL and properties. */
    private static JdbcPropertySetImpl driverView(String url, Map<String, String> dataSourceProperties) {
        Properties properties = new Properties();
        properties.putAll(dataSourceProperties);
        JdbcPropertySetImpl effective = new JdbcPropertySetImpl();
        effective.initializeProperties(ConnectionUrl.getConnectionUrlInstance(url, properties).getMainHost().exposeAsProperties());
        return effective;
    }
}
