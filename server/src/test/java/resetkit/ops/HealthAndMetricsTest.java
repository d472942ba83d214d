package resetkit.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import resetkit.client.model.PasswordResetRequest;
import resetkit.testing.IntegrationTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /health and /metrics with a reachable SMTP server. */
@MicronautTest(transactional = false)
class HealthAndMetricsTest extends IntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void healthReportsTheDatabaseTheSmtpRelayAndTheOutbox() throws Exception {
        HttpResponse<String> health = get("/health", Map.of());
        assertEquals(200, health.statusCode(), health.body());
        JsonNode body = JSON.readTree(health.body());
        assertEquals("UP", body.path("status").asText(), health.body());
        assertEquals("UP", body.at("/details/database/status").asText(), health.body());
        assertTrue(!health.body().contains("jdbc:"), "no JDBC URL in /health: " + health.body());
        // each deadlock check would pause every thread of the JVM, once per anonymous /health call
        assertTrue(body.at("/details/deadlockedThreads").isMissingNode(), health.body());
        assertEquals("UP", body.at("/details/smtp/status").asText(), health.body());
        assertEquals(mailbox.port(), body.at("/details/smtp/details/port").asInt());
        assertEquals("UP", body.at("/details/outbox/status").asText());
        assertTrue(body.at("/details/outbox/details/backlog").isNumber(), health.body());
    }

    @Test
    void metricsCountRequestsByDialectRouteAndOutcomeAndTimeDeliveries() throws Exception {
        TestTenant t = newTenant("metrics@example.com", "the old password 1");
        resets().requestPasswordReset(new PasswordResetRequest().identifier(t.email()), bearer(t.apiKey()));
        mailbox.awaitMessage(t.email(), 1, Duration.ofSeconds(10));
        post("/v1/password-resets", "application/json", "{}", bearer(t.apiKey()));

        String metrics = awaitMetric("resetkit_mail_send_seconds_count{kind=\"reset\",outcome=\"sent\"}");
        assertTrue(metrics.contains("resetkit_requests_total{dialect=\"password-resets\",method=\"POST\",outcome=\"success\","
                + "route=\"/v1/password-resets\",status=\"202\"} 1.0"), metrics);
        assertTrue(metrics.contains("resetkit_requests_total{dialect=\"password-resets\",method=\"POST\",outcome=\"client_error\","
                + "route=\"/v1/password-resets\",status=\"400\"} 1.0"), metrics);
        assertTrue(metrics.contains("resetkit_requests_total{dialect=\"admin\",method=\"POST\",outcome=\"success\","
                + "route=\"/admin/v1/tenants\",status=\"201\"}"), metrics);
        assertTrue(metrics.contains("# TYPE resetkit_outbox_backlog gauge"), metrics);
        assertTrue(metrics.contains("http_server_requests_seconds_count"), metrics);
    }

    @Test
    void unknownPathsAreCountedWithoutTheirPath() throws Exception {
        get("/no/such/path/secret-looking-value", Map.of());
        String metrics = awaitMetric("route=\"unmatched\",status=\"404\"");
        assertTrue(!metrics.contains("secret-looking-value"), "raw paths never become labels");
    }

    @Test
    void madeUpMethodsShareOneLabelAndEachLabelSetCountsEveryRequest() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String method : new String[] {"FROBNICATE", "WIBBLE"}) {
            client.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/nowhere")).method(method, BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        String metrics = awaitMetric("method=\"OTHER\"");
        assertTrue(!metrics.contains("FROBNICATE") && !metrics.contains("WIBBLE"), "a made-up method never becomes a label");
        assertTrue(metrics.matches("(?s).*resetkit_requests_total\\{dialect=\"none\",method=\"OTHER\",outcome=\"client_error\","
                + "route=\"unmatched\",status=\"\\d+\"} 2\\.0.*"), metrics);
    }

    private String awaitMetric(String fragment) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> scrape = get("/metrics", Map.of());
            assertEquals(200, scrape.statusCode());
            assertTrue(scrape.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            body = scrape.body();
            if (body.contains(fragment)) {
                return body;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + fragment + " in\n" + body);
    }
}
