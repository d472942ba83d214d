package resetkit.variant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import resetkit.api.errors.ApiError;
import resetkit.api.errors.ErrorRenderer;
import resetkit.testing.IntegrationTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Errors no request can provoke on purpose (500, 503, 429 from other parts) still leave each
 * dialect in its documented shape, with their own status.
 */
@MicronautTest(transactional = false)
class TimbuZapCruxErrorShapesTest extends IntegrationTest {
    @Inject
    ErrorRenderer renderer;
    @Inject
    ObjectMapper mapper;

    private static final String[][] CASES = {
            {"/auth/recover-biz_partner-password", "500", "internal-error", "/detail"},
            {"/auth/reset-biz_partner-password", "503", "service-unavailable", "/detail"},
            {"/auth/recover-biz_partner-password", "429", "rate-limited", "/detail"},
            {"/v1/business/forgotPassword", "500", "internal-error", "/message"},
            {"/v1/otp/verify", "503", "service-unavailable", "/message"},
            {"/v1/business/auth", "429", "rate-limited", "/message"},
            {"/timp/organizations/reset-password/", "500", "internal-error", "/detail"},
            {"/timp/organizations/complete-password/", "503", "service-unavailable", "/detail"},
            {"/timp/organizations/reset-password/", "429", "rate-limited", "/detail"},
    };

    @Test
    void serverSideErrorsKeepTheirStatusInTheDialectsShape() throws Exception {
        for (String[] c : CASES) {
            assertShape(c[0], Integer.parseInt(c[1]), c[2], c[3]);
        }
    }

    private void assertShape(String path, int status, String kind, String messagePointer) {
        MutableHttpResponse<?> response = renderer.render(HttpRequest.POST(path, ""),
                ApiError.of(HttpStatus.valueOf(status), kind, "Title", "Something went wrong."));
        assertEquals(status, response.getStatus().getCode(), path);
        assertEquals("application/json", response.getContentType().orElseThrow().toString());
        JsonNode body = mapper.valueToTree(response.body());
        assertEquals("Something went wrong.", body.at(messagePointer).asText(), body.toString());
        if (path.startsWith("/v1/")) {
            assertTrue(body.has("success") && !body.get("success").asBoolean(), body.toString());
        }
    }
}
