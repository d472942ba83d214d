package resetkit.variant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the contract must say about the two dialects' deliberate decisions, read from the packaged spec. */
class TangerineMaiascoreSpecTest {

    private static JsonNode spec() throws Exception {
        try (InputStream in = TangerineMaiascoreSpecTest.class.getClassLoader().getResourceAsStream("openapi/resetkit.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @Test
    void eachDialectsOperationsCarryItsOwnTag() throws Exception {
        JsonNode paths = spec().get("paths");
        assertEquals("tangerine", paths.at("/~1auth~1lostPassword/post/tags/0").asText());
        assertEquals("maiascore", paths.at("/~1auth~1forgot-password/post/tags/0").asText());
        assertEquals("maiascore", paths.at("/~1auth~1reset-password/post/tags/0").asText());
    }

    @Test
    void theDoubleSlashPathAndTheEmptyBodyAreDocumented() throws Exception {
        JsonNode op = spec().at("/paths/~1auth~1lostPassword/post");
        assertEquals("//auth/lostPassword", op.get("x-resetkit-also-served-at").asText());
        assertTrue(op.get("description").asText().contains("//auth/lostPassword"));
        assertEquals("username is required", op.at("/responses/400/content/application~1json/examples/emptyBody/value/message").asText());
    }

    @Test
    void theMaiascoreCompanionIsMarkedAsAnExtensionAndErrorsUseRealCodes() throws Exception {
        JsonNode paths = spec().get("paths");
        JsonNode companion = paths.at("/~1auth~1reset-password/post");
        assertTrue(companion.get("x-resetkit-extension").asBoolean());
        assertTrue(companion.get("description").asText().contains("resetkit extension"));
        JsonNode forgot = paths.at("/~1auth~1forgot-password/post");
        assertEquals(403, forgot.at("/responses/403/content/application~1json/example/code").asInt());
        assertEquals(404, forgot.at("/responses/404/content/application~1json/example/code").asInt());
        assertTrue(forgot.get("description").asText().contains("real HTTP status"));
        assertTrue(forgot.at("/requestBody/content").has("application/xml"));
        assertTrue(forgot.at("/requestBody/content").has("application/x-www-form-urlencoded"));
    }
}
