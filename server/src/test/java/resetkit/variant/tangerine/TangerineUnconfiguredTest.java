package resetkit.variant.tangerine;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import resetkit.testing.IntegrationTest;
import resetkit.testing.RawHttp;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Without RESETKIT_VARIANTS_TANGERINE_TENANT the dialect cannot know whose account is meant: 503, never a 500. */
@MicronautTest(transactional = false)
class TangerineUnconfiguredTest extends IntegrationTest {

    @Test
    void answers503WhileNoTenantIsConfigured() throws Exception {
        RawHttp.Response response = RawHttp.post(server.getURL(), "//auth/lostPassword",
                "application/x-www-form-urlencoded", "username=user", Map.of());
        assertEquals(503, response.status(), response.body());
        assertEquals("{\"status\":503,\"error\":\"service-unavailable\",\"message\":\"The lost-password endpoint is not configured.\"}",
                response.body());
    }
}
