package resetkit.variant;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Abuse resistance holds in every dialect, each answering in its own documented shape: a burst for
 * one identifier is cut at the limit (429 with Retry-After, no further mail), and an oversized
 * body is refused (413) before it reaches the core. Runs on the quick-start demo data.
 */
@MicronautTest(environments = "demo", transactional = false)
class DialectAbuseTest extends DialectContractTest {
    private static final int LIMIT = 2;

    record Dialect(String name, String path, String contentType, String body, Map<String, String> headers,
                   String recipient, String errorPointer) {
    }

    private static final List<Dialect> DIALECTS = List.of(
            new Dialect("timbu", "/auth/recover-biz_partner-password", "application/json",
                    "{\"email\":\"user@example.com\",\"organization_id\":\"org123\",\"app_url\":\"https://example.com/recover\",\"app_name\":\"MyApp\"}",
                    Map.of(), "user@example.com", "/detail"),
            new Dialect("zap", "/v1/business/forgotPassword", "application/json", "{\"email\":\"johndoe@example.com\"}",
                    Map.of("Authorization", "Bearer zap_demo_key"), "johndoe@example.com", "/success"),
            new Dialect("crux", "/timp/organizations/reset-password/", "application/json; charset=utf-8",
                    "{\"email\":\"nick@dobaretailer.com\"}", Map.of("Authorization", "crux_demo_key"), "nick@dobaretailer.com", "/detail"),
            new Dialect("tangerine", "//auth/lostPassword", "application/x-www-form-urlencoded", "username=user",
                    Map.of(), "user@tangerine365.example", "/message"),
            new Dialect("maiascore", "/auth/forgot-password", "application/json", "{\"id\":\"string\"}",
                    Map.of("Authorization", "Bearer REPLACE_BEARER_TOKEN"), "string@maiascore.example", "/message"));

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("resetkit.rate-limit.enabled", "true", "resetkit.rate-limit.per-identifier", String.valueOf(LIMIT),
                "resetkit.rate-limit.per-ip", "1000");
    }

    @Test
    void aBurstIsCutAtTheLimitInEveryDialect() throws Exception {
        for (Dialect d : DIALECTS) {
            for (int i = 0; i < LIMIT; i++) {
                HttpResponse<String> accepted = send("POST", d.path(), d.contentType(), d.body(), d.headers());
                assertEquals(200, accepted.statusCode(), d.name() + ": " + accepted.body());
            }
            HttpResponse<String> limited = send("POST", d.path(), d.contentType(), d.body(), d.headers());
            assertEquals(429, limited.statusCode(), d.name() + ": " + limited.body());
            assertTrue(limited.headers().firstValue("Retry-After").isPresent(), d.name() + " sends Retry-After");
            JsonNode error = json(limited);
            assertFalse(error.at(d.errorPointer()).isMissingNode(), d.name() + " answers in its own shape: " + limited.body());
            assertFalse(limited.body().contains("urn:resetkit:problem"), d.name() + " does not answer with problem details");
            mailbox.awaitMessage(d.recipient(), LIMIT, MAIL);
        }
        Thread.sleep(500);
        for (Dialect d : DIALECTS) {
            assertEquals(LIMIT, mailbox.to(d.recipient()).size(), d.name() + ": at most the limit of mails");
        }
    }

    @Test
    void anOversizedBodyIsRefusedInEveryDialect() throws Exception {
        String huge = "a".repeat(70_000);
        for (Dialect d : DIALECTS) {
            String body = d.contentType().startsWith("application/x-www-form-urlencoded") ? "username=" + huge
                    : "{\"email\":\"" + huge + "\",\"id\":\"" + huge + "\"}";
            HttpResponse<String> refused = send("POST", d.path(), d.contentType(), body, d.headers());
            assertEquals(413, refused.statusCode(), d.name() + ": " + refused.body());
            assertFalse(json(refused).at(d.errorPointer()).isMissingNode(), d.name() + " answers in its own shape: " + refused.body());
        }
    }
}
