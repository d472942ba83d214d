package resetkit.variant;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import resetkit.testing.Mailbox;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quick start's demo data (environment "demo") makes the Timbu, ZAP and Crux documents'
 * example requests work as written, with only the host replaced and the documents' key
 * placeholders filled with the demo keys.
 */
@MicronautTest(environments = "demo", transactional = false)
class TimbuZapCruxDemoExamplesTest extends DialectContractTest {

    @Test
    void timbusExampleAsPost() throws Exception {
        HttpResponse<String> response = post("/auth/recover-biz_partner-password", "application/json", """
                {
                  "email": "user@example.com",
                  "organization_id": "org123",
                  "app_url": "https://example.com/recover",
                  "app_name": "MyApp"
                }""", Map.of());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("\"Recovery email sent successfully.\"", response.body());
        assertTrue(Mailbox.link(mailbox.awaitMessage("user@example.com", 1, MAIL)).startsWith("https://example.com/recover?token="));
    }

    @Test
    void zapsSampleRequest() throws Exception {
        HttpResponse<String> response = post("/v1/business/forgotPassword", "application/json", """
                {
                    "email":"johndoe@example.com"
                }""", Map.of("Authorization", "Bearer  zap_demo_key"));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("Please check your email to continue password reset", json(response).at("/data/message").asText());
        mailbox.awaitMessage("johndoe@example.com", 1, MAIL);
    }

    @Test
    void cruxsCurlAndNodeExamples() throws Exception {
        HttpResponse<String> curl = post("/timp/organizations/reset-password/", "application/json; charset=utf-8", """
                {
                  "email": "nick@dobaretailer.com"
                }""", Map.of("Authorization", "crux_demo_key"));
        assertEquals(200, curl.statusCode(), curl.body());
        assertEquals(Mailbox.token(mailbox.awaitMessage("nick@dobaretailer.com", 1, MAIL)), json(curl).get("reset_token").asText());

        HttpResponse<String> node = post("/timp/organizations/reset-password/", "application/json; charset=utf-8",
                "{\"email\":\"some@one.com\"}", Map.of("Authorization", "crux_demo_key"));
        assertEquals(200, node.statusCode(), node.body());
        mailbox.awaitMessage("some@one.com", 1, MAIL);
    }
}
