package resetkit.variant;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import resetkit.testing.IntegrationTest;
import resetkit.testing.RawHttp;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The quick start's demo data and settings make the documents' own example requests work:
 * Maiascore's curl verbatim (placeholder key, id "string", JSON under a form type) and
 * Tangerine365's request on its double-slash path. Each gets its documented answer and a mail.
 */
@MicronautTest(environments = "demo", transactional = false)
class TangerineMaiascoreDemoTest extends IntegrationTest {

    @Test
    void maiascoresCurlSampleWorksAsWritten() throws Exception {
        RawHttp.Response response = RawHttp.post(server.getURL(), "/auth/forgot-password", "application/x-www-form-urlencoded",
                "{\"id\":\"string\"}", Map.of("Authorization", "Bearer REPLACE_BEARER_TOKEN"));
        assertEquals(200, response.status(), response.body());
        assertEquals("{\"code\":200,\"message\":\"OK\"}", response.body());
        mailbox.awaitMessage("string@maiascore.example", 1, Duration.ofSeconds(10));
    }

    @Test
    void tangerinesLostPasswordServesTheConfiguredDemoTenant() throws Exception {
        RawHttp.Response response = RawHttp.post(server.getURL(), "//auth/lostPassword", "application/x-www-form-urlencoded",
                "username=user", Map.of());
        assertEquals(200, response.status(), response.body());
        assertEquals("{}", response.body());
        mailbox.awaitMessage("user@tangerine365.example", 1, Duration.ofSeconds(10));
    }
}
