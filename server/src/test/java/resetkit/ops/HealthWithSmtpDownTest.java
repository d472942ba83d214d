package resetkit.ops;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import resetkit.client.model.PasswordResetRequest;
import resetkit.testing.IntegrationTest;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With the SMTP relay unreachable, /health says so (503) and /metrics counts the failed attempts. */
@MicronautTest(transactional = false)
class HealthWithSmtpDownTest extends IntegrationTest {

    @Override
    protected boolean startMailbox() {
        return false;
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("resetkit.health.smtp-timeout", "500ms", "resetkit.mail.first-retry-delay", "50ms");
    }

    @Test
    void anUnreachableRelayMakesHealthDownAndCountsFailures() throws Exception {
        HttpResponse<String> health = get("/health", Map.of());
        assertEquals(503, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"smtp\":{\"name\":\"smtp\",\"status\":\"DOWN\"")
                || health.body().matches("(?s).*\"smtp\"\\s*:\\s*\\{[^}]*\"status\"\\s*:\\s*\"DOWN\".*"), health.body());

        TestTenant t = newTenant("down@example.com", "the old password 1");
        resets().requestPasswordReset(new PasswordResetRequest().identifier(t.email()), bearer(t.apiKey()));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String metrics = "";
        while (System.nanoTime() < deadline && !metrics.contains("resetkit_mail_failures_total{kind=\"reset\",parked=\"false\"}")) {
            Thread.sleep(50);
            metrics = get("/metrics", Map.of()).body();
        }
        assertTrue(metrics.contains("resetkit_mail_failures_total{kind=\"reset\",parked=\"false\"}"), metrics);
        assertTrue(metrics.contains("resetkit_mail_send_seconds_count{kind=\"reset\",outcome=\"failed\"}"), metrics);
    }
}
