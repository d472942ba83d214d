package resetkit.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The reset request of every API resetkit serves, as each document's example sends it to the
 * quick-start demo data (environment "demo"), with the recipient of the mail it causes and a test
 * for that API's documented error shape of a 503.
 */
final class DialectRequests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record DialectRequest(String dialect, String path, String contentType, String body, Map<String, String> headers,
                          int success, String recipient, Predicate<JsonNode> unavailableShape) {

        HttpResponse<String> send(String baseUrl) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** The response is this API's documented answer for "service unavailable". */
        boolean isUnavailableShape(HttpResponse<String> response) {
            try {
                return response.statusCode() == 503 && unavailableShape.test(JSON.readTree(response.body()));
            } catch (Exception notJson) {
                return false;
            }
        }
    }

    static final List<DialectRequest> ALL = List.of(
            new DialectRequest("native", "/v1/password-resets", "application/json", "{\"identifier\":\"user@example.com\"}",
                    Map.of("Authorization", "Bearer rk_demo_key"), 202, "user@example.com",
                    j -> "urn:resetkit:problem:service-unavailable".equals(j.path("type").asText()) && j.path("status").asInt() == 503),
            new DialectRequest("timbu", "/auth/recover-biz_partner-password", "application/json",
                    "{\"email\":\"user@example.com\",\"organization_id\":\"org123\",\"app_url\":\"https://example.com/recover\",\"app_name\":\"MyApp\"}",
                    Map.of(), 200, "user@example.com",
                    j -> j.size() == 1 && j.path("detail").isTextual()),
            new DialectRequest("zap", "/v1/business/forgotPassword", "application/json", "{\"email\":\"johndoe@example.com\"}",
                    Map.of("Authorization", "Bearer zap_demo_key"), 200, "johndoe@example.com",
                    j -> j.path("success").isBoolean() && !j.path("success").asBoolean() && j.path("message").isTextual()),
            new DialectRequest("crux", "/timp/organizations/reset-password/", "application/json", "{\"email\":\"user@someretailer.com\"}",
                    Map.of("Authorization", "crux_demo_key"), 200, "user@someretailer.com",
                    j -> j.path("detail").isTextual()),
            new DialectRequest("tangerine", "/auth/lostPassword", "application/x-www-form-urlencoded", "username=user",
                    Map.of(), 200, "user@tangerine365.example",
                    j -> j.path("status").asInt() == 503 && "service-unavailable".equals(j.path("error").asText()) && j.path("message").isTextual()),
            new DialectRequest("maiascore", "/auth/forgot-password", "application/json", "{\"id\":\"string\"}",
                    Map.of("Authorization", "Bearer REPLACE_BEARER_TOKEN"), 200, "string@maiascore.example",
                    j -> j.size() == 2 && j.path("code").asInt() == 503 && j.path("message").isTextual()));

    private DialectRequests() {
    }
}
