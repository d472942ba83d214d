package resetkit.variant.timbu;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import resetkit.client.ApiException;
import resetkit.client.api.TimbuApi;
import resetkit.client.model.AccountCreate;
import resetkit.client.model.TenantCreate;
import resetkit.client.model.TimbuRecoverRequest;
import resetkit.client.model.TimbuResetPasswordRequest;
import resetkit.testing.Mailbox;
import resetkit.variant.DialectContractTest;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Timbu's document replayed against resetkit: its example, its response codes, both companion forms. */
@MicronautTest(transactional = false)
class TimbuContractTest extends DialectContractTest {
    private static final String PATH = "/auth/recover-biz_partner-password";
    private static final String RESET_PATH = "/auth/reset-biz_partner-password";
    private static final String ORG = "org123";
    private static final String OLD = "the old password 1";
    private static final String NEW = "a brand new password 2";
    /** The document's example body, byte for byte. */
    private static final String EXAMPLE = """
            {
              "email": "user@example.com",
              "organization_id": "org123",
              "app_url": "https://example.com/recover",
              "app_name": "MyApp"
            }""";
    private static final String SENT = "\"Recovery email sent successfully.\"";

    private String orgKey;

    @BeforeAll
    void createTheDocumentsOrganization() throws Exception {
        orgKey = admin().createTenant(new TenantCreate().id(ORG).name("Org 123")
                .allowedRedirectUrls(List.of("https://example.com/recover")), adminAuth()).getApiKey();
        for (String email : List.of("user@example.com", "partner2@example.com", "partner3@example.com", "partner4@example.com",
                "partner5@example.com")) {
            admin().createAccount(ORG, new AccountCreate().email(email).password(OLD), adminAuth());
        }
    }

    private TimbuApi timbu() {
        return new TimbuApi(apiClient());
    }

    private static TimbuRecoverRequest recover(String email) {
        return new TimbuRecoverRequest().email(email).organizationId(ORG).appUrl("https://example.com/recover").appName("MyApp");
    }

    @Test
    void theDocumentsExampleSendsTheMailAndTheTokenInTheBodySetsThePassword() throws Exception {
        HttpResponse<String> response = post(PATH, "application/json", EXAMPLE, Map.of());
        assertEquals(200, response.statusCode());
        assertEquals(SENT, response.body());

        MimeMessage mail = mailbox.awaitMessage("user@example.com", 1, MAIL);
        assertTrue(Mailbox.link(mail).startsWith("https://example.com/recover?token="), Mailbox.link(mail));
        assertTrue(mail.getSubject().contains("MyApp"), mail.getSubject());
        assertTrue(Mailbox.text(mail).contains("MyApp"));

        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) timbu().timbuResetBizPartnerPassword(
                new TimbuResetPasswordRequest().token(Mailbox.token(mail)).password(NEW), null);
        assertEquals("Successfully set biz partner password", answer.get("message"));
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) answer.get("data");
        assertEquals("user@example.com", data.get("email"));
        assertEquals(credentials().verifyCredentials(new resetkit.client.model.CredentialCheck()
                .identifier("user@example.com").password(NEW), bearer(orgKey)).getAccountId(), data.get("id"));
        assertPasswordRefused(orgKey, "user@example.com", OLD);
    }

    @Test
    void theTokenInTheQueryAnswersTheDocumentedString() throws Exception {
        assertEquals("Recovery email sent successfully.", timbu().timbuRecoverBizPartnerPassword(recover("partner2@example.com")));
        String token = Mailbox.token(mailbox.awaitMessage("partner2@example.com", 1, MAIL));

        HttpResponse<String> raw = post(RESET_PATH + "?token=" + token, "application/json", "{\"password\":\"" + NEW + "\"}", Map.of());
        assertEquals(200, raw.statusCode());
        assertEquals("\"Password reset successfully.\"", raw.body());
        assertPassword(orgKey, "partner2@example.com", NEW);

        ApiException used = assertThrows(ApiException.class, () -> timbu().timbuResetBizPartnerPassword(
                new TimbuResetPasswordRequest().password("yet another password 3"), token));
        assertEquals(400, used.getCode());
        assertJsonBody("{\"detail\":\"Invalid or expired token.\"}", used.getResponseBody());
    }

    @Test
    void theGeneratedClientReadsTheQueryFormAsAString() throws Exception {
        timbu().timbuRecoverBizPartnerPassword(recover("partner4@example.com"));
        String token = Mailbox.token(mailbox.awaitMessage("partner4@example.com", 1, MAIL));
        assertEquals("Password reset successfully.", timbu().timbuResetBizPartnerPassword(
                new TimbuResetPasswordRequest().password(NEW), token));
        assertPassword(orgKey, "partner4@example.com", NEW);
    }

    @Test
    void theDocumentsCurlWithGetIsRefusedWith405AndSendsNothing() throws Exception {
        int queued = outboxSize(ORG);
        HttpResponse<String> response = send("GET", PATH, "application/json", EXAMPLE, Map.of());
        assertEquals(405, response.statusCode());
        assertJson("{\"detail\":\"Method Not Allowed\"}", response);
        assertEquals("POST", response.headers().firstValue("Allow").orElse(""));
        assertEquals(queued, outboxSize(ORG));
    }

    @Test
    void anUnknownPartnerGetsTheSameAnswerAndNoMail() throws Exception {
        int queued = outboxSize(ORG);
        HttpResponse<String> response = post(PATH, "application/json", EXAMPLE.replace("user@example.com", "nobody@example.com"), Map.of());
        assertEquals(200, response.statusCode());
        assertEquals(SENT, response.body());
        assertEquals(queued, outboxSize(ORG));
        assertTrue(mailbox.to("nobody@example.com").isEmpty());
    }

    @Test
    void anAppUrlOffTheAllowListIsRefusedAndSendsNothing() throws Exception {
        int queued = outboxSize(ORG);
        HttpResponse<String> response = post(PATH, "application/json",
                EXAMPLE.replace("https://example.com/recover", "https://evil.example/recover"), Map.of());
        assertEquals(422, response.statusCode());
        assertEquals(List.of("body", "app_url"), JSON.convertValue(json(response).at("/detail/0/loc"), List.class));
        assertEquals("value_error", json(response).at("/detail/0/type").asText());
        assertEquals(queued, outboxSize(ORG));
    }

    @Test
    void appNameCannotInjectAHeader() throws Exception {
        HttpResponse<String> crlf = post(PATH, "application/json",
                EXAMPLE.replace("\"MyApp\"", "\"MyApp\\r\\nBcc: attacker@evil.example\""), Map.of());
        assertEquals(422, crlf.statusCode());
        assertEquals("app_name", json(crlf).at("/detail/0/loc/1").asText());

        // Unicode line separators are not control characters: they pass validation and the core flattens them.
        HttpResponse<String> separator = post(PATH, "application/json", EXAMPLE.replace("user@example.com", "partner3@example.com")
                .replace("\"MyApp\"", "\"MyApp\\u2028Bcc: attacker@evil.example\""), Map.of());
        assertEquals(200, separator.statusCode());
        MimeMessage mail = mailbox.awaitMessage("partner3@example.com", 1, MAIL);
        assertNull(mail.getHeader("Bcc"));
        assertFalse(mail.getSubject().contains("\u2028"), mail.getSubject());
        assertEquals(1, mail.getAllRecipients().length);
        assertTrue(mailbox.to("attacker@evil.example").isEmpty());
    }

    @Test
    void aMissingEmailIsTheDocumentsExampleError() throws Exception {
        HttpResponse<String> response = post(PATH, "application/json",
                "{\"organization_id\":\"org123\",\"app_url\":\"https://example.com/recover\",\"app_name\":\"MyApp\"}", Map.of());
        assertEquals(422, response.statusCode());
        assertJson("""
                {"detail":[{"loc":["body","email"],"msg":"Email is required.","type":"value_error"}]}""", response);
    }

    @Test
    void anInvalidEmailIs422() throws Exception {
        ApiException e = assertThrows(ApiException.class, () -> timbu().timbuRecoverBizPartnerPassword(recover("not-an-email")));
        assertEquals(422, e.getCode());
        assertEquals("email", JSON.readTree(e.getResponseBody()).at("/detail/0/loc/1").asText());
    }

    @Test
    void aBodyThatIsNotJsonIs400() throws Exception {
        HttpResponse<String> broken = post(PATH, "application/json", "{\"email\": ", Map.of());
        assertEquals(400, broken.statusCode());
        assertTrue(json(broken).get("detail").isTextual(), broken.body());

        HttpResponse<String> text = post(PATH, "text/plain", EXAMPLE, Map.of());
        assertEquals(400, text.statusCode());
        assertTrue(json(text).get("detail").isTextual(), text.body());
    }

    @Test
    void anUnknownOrganizationIs404() throws Exception {
        HttpResponse<String> response = post(PATH, "application/json", EXAMPLE.replace("org123", "no-such-org"), Map.of());
        assertEquals(404, response.statusCode());
        assertJson("{\"detail\":\"Organization not found.\"}", response);
    }

    @Test
    void theCompanionRefusesWeakPasswordsAndAmbiguousTokens() throws Exception {
        timbu().timbuRecoverBizPartnerPassword(recover("partner5@example.com"));
        String token = Mailbox.token(mailbox.awaitMessage("partner5@example.com", 1, MAIL));

        ApiException weak = assertThrows(ApiException.class, () -> timbu().timbuResetBizPartnerPassword(
                new TimbuResetPasswordRequest().token(token).password("short"), null));
        assertEquals(422, weak.getCode());
        assertEquals(List.of("body", "password"), JSON.convertValue(JSON.readTree(weak.getResponseBody()).at("/detail/0/loc"), List.class));

        ApiException both = assertThrows(ApiException.class, () -> timbu().timbuResetBizPartnerPassword(
                new TimbuResetPasswordRequest().token(token).password(NEW + "x"), token));
        assertEquals(422, both.getCode());

        HttpResponse<String> none = post(RESET_PATH, "application/json", "{\"password\":\"" + NEW + "\"}", Map.of());
        assertEquals(422, none.statusCode());
        assertEquals("Token is required.", json(none).at("/detail/0/msg").asText());

        HttpResponse<String> shortQueryToken = post(RESET_PATH + "?token=abc", "application/json", "{\"password\":\"" + NEW + "\"}", Map.of());
        assertEquals(422, shortQueryToken.statusCode());
        assertEquals(List.of("query", "token"), JSON.convertValue(json(shortQueryToken).at("/detail/0/loc"), List.class));

        ApiException wrong = assertThrows(ApiException.class, () -> timbu().timbuResetBizPartnerPassword(
                new TimbuResetPasswordRequest().token("x".repeat(43)).password(NEW), null));
        assertEquals(400, wrong.getCode());

        // the flow survived all of that
        timbu().timbuResetBizPartnerPassword(new TimbuResetPasswordRequest().token(token).password(NEW + "!"), null);
        assertPassword(orgKey, "partner5@example.com", NEW + "!");
    }
}
