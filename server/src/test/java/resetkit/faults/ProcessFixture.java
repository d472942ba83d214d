package resetkit.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import resetkit.testing.Mailbox;
import resetkit.testing.ServerProcess;
import resetkit.testing.TestDatabase;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the process-level fault tests share: one database that outlives server processes (an H2
 * file, or the MariaDB test database when selected), one tenant with many accounts from a
 * bootstrap file, a GreenMail SMTP server in the test JVM, and a way to read the outbox table
 * directly while no server runs (the outbox is the source of truth for what must be delivered).
 */
final class ProcessFixture implements AutoCloseable {
    static final String TENANT = "faults";
    static final String API_KEY = "rk_faults_key";
    static final String ADMIN_TOKEN = "faults-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestDatabase database = new TestDatabase();
    private final Mailbox mailbox = new Mailbox().start();
    private final Path dir;
    private final Path bootstrap;
    private final String jdbcUrl;

    ProcessFixture(int accounts) throws IOException {
        dir = Files.createTempDirectory("resetkit-faults");
        jdbcUrl = TestDatabase.isMysql() ? database.jdbcUrl()
                : "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0";
        StringBuilder yaml = new StringBuilder("tenants:\n  - id: " + TENANT + "\n    name: Faults\n    api_key: " + API_KEY + "\n    accounts:\n");
        for (int i = 0; i < accounts; i++) {
            yaml.append("      - email: ").append(recipient(i)).append('\n');
        }
        bootstrap = dir.resolve("bootstrap.yml");
        Files.writeString(bootstrap, yaml);
    }

    static String recipient(int i) {
        return "user" + i + "@faults.example";
    }

    Mailbox mailbox() {
        return mailbox;
    }

    /** A server process on the shared database; {@code extra} adds or overrides environment variables. */
    ServerProcess start(Map<String, String> extra) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("DATASOURCES_DEFAULT_URL", jdbcUrl);
        env.put("DATASOURCES_DEFAULT_USERNAME", TestDatabase.isMysql() ? database.properties().get("datasources.default.username") : "sa");
        env.put("DATASOURCES_DEFAULT_PASSWORD", TestDatabase.isMysql() ? database.properties().get("datasources.default.password") : "");
        env.put("RESETKIT_SMTP_HOST", "127.0.0.1");
        env.put("RESETKIT_SMTP_PORT", String.valueOf(mailbox.port()));
        env.put("RESETKIT_SMTP_TIMEOUT", "2s");
        env.put("RESETKIT_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("RESETKIT_BOOTSTRAP", bootstrap.toString());
        env.put("RESETKIT_PASSWORD_BCRYPT_COST", "4");
        env.put("RESETKIT_RATE_LIMIT_ENABLED", "false");
        env.put("RESETKIT_MAIL_POLL_INTERVAL", "50ms");
        env.put("RESETKIT_MAIL_DROP_DIR", dir.resolve("drop").toString());
        env.putAll(extra);
        return ServerProcess.start(env).awaitUp(Duration.ofSeconds(60));
    }

    /** Messages still waiting for delivery, asked of a running server (admin API). */
    int pendingCount(ServerProcess server) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/admin/v1/tenants/" + TENANT + "/outbox?status=PENDING&limit=500"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("messages").size();
    }

    /** One row of the outbox table, read directly (no server may run on an H2 file database). */
    record Row(String recipient, String status, String claimedBy) {
    }

    List<Row> outbox() throws SQLException {
        String user = TestDatabase.isMysql() ? database.properties().get("datasources.default.username") : "sa";
        String password = TestDatabase.isMysql() ? database.properties().get("datasources.default.password") : "";
        List<Row> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT recipient, status, claimed_by FROM outbox_message WHERE tenant_id = '" + TENANT + "'")) {
            while (r.next()) {
                rows.add(new Row(r.getString(1), r.getString(2), r.getString(3)));
            }
        }
        return rows;
    }

    /** Mails received so far, per link token (one token: one outbox message). */
    Map<String, Integer> mailsPerToken() {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage m : mailbox.all()) {
            counts.merge(Mailbox.token(m), 1, Integer::sum);
        }
        return counts;
    }

    /** Recipients that received at least one mail. */
    Map<String, Integer> mailsPerRecipient() {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage m : mailbox.all()) {
            try {
                counts.merge(m.getAllRecipients()[0].toString(), 1, Integer::sum);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return counts;
    }

    @Override
    public void close() throws IOException {
        mailbox.close();
        database.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
