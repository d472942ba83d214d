package resetkit.config;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import resetkit.testing.Mailbox;
import resetkit.testing.ServerProcess;
import resetkit.testing.TestDatabase;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The environment variables of the deployment contract (DESIGN §6) work exactly as named: the
 * server runs as its own process, configured by nothing but them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnvironmentVariablesTest {
    private final TestDatabase database = new TestDatabase();
    private final Mailbox mailbox = new Mailbox().start().withUser("mailer", "mailer-secret");
    private ServerProcess server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void startServer() throws Exception {
        Path bootstrap = Files.createTempFile("bootstrap", ".yml");
        Files.writeString(bootstrap, """
                tenants:
                  - id: envtenant
                    name: Env Tenant
                    api_key: rk_env_key
                    accounts:
                      - email: env@example.com
                """);
        Map<String, String> env = new HashMap<>();
        env.put("DATASOURCES_DEFAULT_URL", database.jdbcUrl());
        env.put("DATASOURCES_DEFAULT_USERNAME", database.properties().get("datasources.default.username"));
        env.put("DATASOURCES_DEFAULT_PASSWORD", database.properties().get("datasources.default.password"));
        env.put("RESETKIT_SMTP_HOST", "127.0.0.1");
        env.put("RESETKIT_SMTP_PORT", String.valueOf(mailbox.port()));
        env.put("RESETKIT_SMTP_USERNAME", "mailer");
        env.put("RESETKIT_SMTP_PASSWORD", "mailer-secret");
        env.put("RESETKIT_SMTP_STARTTLS", "false");
        env.put("RESETKIT_MAIL_FROM", "noreply@env.example");
        env.put("RESETKIT_ADMIN_TOKEN", "env-admin-token");
        env.put("RESETKIT_BOOTSTRAP", bootstrap.toString());
        env.put("RESETKIT_PUBLIC_URL", "https://reset.env.example");
        env.put("RESETKIT_PASSWORD_BCRYPT_COST", "4");
        server = ServerProcess.start(env).awaitUp(Duration.ofSeconds(60));
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        mailbox.close();
        database.close();
    }

    @Test
    void theServerIsConfiguredByTheDocumentedVariables() throws Exception {
        assertEquals(401, send("/admin/v1/tenants/envtenant", "GET", null, "wrong").statusCode());
        HttpResponse<String> tenant = send("/admin/v1/tenants/envtenant", "GET", null, "env-admin-token");
        assertEquals(200, tenant.statusCode(), tenant.body());
        assertTrue(tenant.body().contains("Env Tenant"));

        HttpResponse<String> accepted = send("/v1/password-resets", "POST", "{\"identifier\":\"env@example.com\"}", "rk_env_key");
        assertEquals(202, accepted.statusCode(), accepted.body());
        MimeMessage mail;
        try {
            mail = mailbox.awaitMessage("env@example.com", 1, Duration.ofSeconds(20));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nserver log:\n" + server.log(), e);
        }
        assertEquals("noreply@env.example", mail.getFrom()[0].toString());
        assertTrue(Mailbox.link(mail).startsWith("https://reset.env.example/reset?token="), Mailbox.link(mail));
    }

    private HttpResponse<String> send(String path, String method, String body, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", "Bearer " + bearer).timeout(Duration.ofSeconds(20));
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
