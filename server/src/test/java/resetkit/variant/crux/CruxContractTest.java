package resetkit.variant.crux;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import resetkit.client.ApiException;
import resetkit.client.api.CruxApi;
import resetkit.client.model.CruxCreatePasswordRequest;
import resetkit.client.model.CruxResetPasswordRequest;
import resetkit.testing.Mailbox;
import resetkit.variant.DialectContractTest;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Crux TIMP's document replayed: its curl, HTTPie and Node.js examples, its error codes, both companions. */
@MicronautTest(transactional = false)
class CruxContractTest extends DialectContractTest {
    private static final String PATH = "/timp/organizations/reset-password/";
    private static final String COMPLETE = "/timp/organizations/complete-password/";
    private static final String JSON_UTF8 = "application/json; charset=utf-8";
    private static final String OLD = "the old password 1";
    private static final String NEW = "a brand new password 2";
    /** The curl example's body, byte for byte. */
    private static final String CURL_BODY = """
            {
              "email": "nick@dobaretailer.com"
            }""";
    /** What the Node.js example writes. */
    private static final String NODE_BODY = "{\"email\":\"some@one.com\"}";

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private CruxApi crux() {
        return new CruxApi(apiClient());
    }

    /** Crux's examples put the key into Authorization without a scheme. */
    private static Map<String, String> raw(String key) {
        return Map.of("Authorization", key);
    }

    private static void assertCruxError(int status, HttpResponse<String> response) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(json(response).get("detail").isTextual(), response.body());
    }

    private static void assertCruxError(int status, ApiException e) throws Exception {
        assertEquals(status, e.getCode(), e.getResponseBody());
        assertTrue(JSON.readTree(e.getResponseBody()).get("detail").isTextual(), e.getResponseBody());
    }

    @Test
    void theCurlExampleReturnsTheMailedTokenWhichValidatesAndSetsThePassword() throws Exception {
        TestTenant t = newTenant("nick@dobaretailer.com", OLD);
        HttpResponse<String> response = post(PATH, JSON_UTF8, CURL_BODY, raw(t.apiKey()));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(1, json(response).size(), response.body());
        String token = json(response).get("reset_token").asText();

        MimeMessage mail = mailbox.awaitMessage(t.email(), 1, MAIL);
        assertEquals(token, Mailbox.token(mail));

        HttpResponse<String> valid = get(COMPLETE + "?token=" + token, raw(t.apiKey()));
        assertEquals(204, valid.statusCode(), valid.body());
        assertEquals("", valid.body());
        crux().cruxCreateNewPassword(new CruxCreatePasswordRequest().token(token).password(NEW), raw(t.apiKey()));

        assertPassword(t.apiKey(), t.email(), NEW);
        assertPasswordRefused(t.apiKey(), t.email(), OLD);
        assertCruxError(404, get(COMPLETE + "?token=" + token, raw(t.apiKey())));
    }

    @Test
    void theNodeAndHttpieExamplesAndABearerKeyWorkToo() throws Exception {
        TestTenant t = newTenant("some@one.com", OLD);
        HttpResponse<String> node = post(PATH, JSON_UTF8, NODE_BODY, Map.of("Authorization", t.apiKey(), "User-Agent", "node v20"));
        assertEquals(200, node.statusCode(), node.body());
        mailbox.awaitMessage(t.email(), 1, MAIL); // so the next mail is the second request's (a retried send could reorder them)

        // HTTPie --json sends application/json; the generated client sends "Bearer <key>"
        String token = crux().cruxResetPassword(new CruxResetPasswordRequest().email(t.email()), bearer(t.apiKey())).getResetToken();
        assertEquals(token, Mailbox.token(mailbox.awaitMessage(t.email(), 2, MAIL)));
        crux().cruxValidatePasswordReset(token, bearer(t.apiKey()));
        crux().cruxCreateNewPassword(new CruxCreatePasswordRequest().token(token).password(NEW), bearer(t.apiKey()));
        assertPassword(t.apiKey(), t.email(), NEW);
    }

    @Test
    void theTokenExpiresTwoHoursAfterIssuanceWhateverTheTenantsTtl() throws Exception {
        TestTenant t = newTenant("expiry@example.com", OLD);
        String token = crux().cruxResetPassword(new CruxResetPasswordRequest().email(t.email()), raw(t.apiKey())).getResetToken();

        clock.advance(Duration.ofMinutes(119));
        crux().cruxValidatePasswordReset(token, raw(t.apiKey()));
        clock.advance(Duration.ofMinutes(1));
        assertCruxError(404, assertThrows(ApiException.class, () -> crux().cruxValidatePasswordReset(token, raw(t.apiKey()))));
        assertCruxError(404, assertThrows(ApiException.class, () -> crux().cruxCreateNewPassword(
                new CruxCreatePasswordRequest().token(token).password(NEW), raw(t.apiKey()))));
        assertPassword(t.apiKey(), t.email(), OLD);
    }

    @Test
    void anUnknownEmailGetsATokenOfTheSameShapeAndNoMail() throws Exception {
        TestTenant t = newTenant("known@example.com", OLD);
        String known = crux().cruxResetPassword(new CruxResetPasswordRequest().email(t.email()), raw(t.apiKey())).getResetToken();
        mailbox.awaitMessage(t.email(), 1, MAIL);
        int queued = outboxSize(t.id());

        HttpResponse<String> unknown = post(PATH, JSON_UTF8, "{\"email\":\"stranger@example.com\"}", raw(t.apiKey()));
        assertEquals(200, unknown.statusCode());
        String decoy = json(unknown).get("reset_token").asText();
        assertEquals(known.length(), decoy.length());
        assertTrue(decoy.matches("[A-Za-z0-9_-]+"), decoy);
        assertEquals(queued, outboxSize(t.id()));
        assertTrue(mailbox.to("stranger@example.com").isEmpty());
        assertCruxError(404, get(COMPLETE + "?token=" + decoy, raw(t.apiKey())));
    }

    @Test
    void aTokenWorksOnlyWithTheKeyOfItsTenant() throws Exception {
        TestTenant t = newTenant("scoped@example.com", OLD);
        TestTenant other = newTenant("intruder@example.com", OLD);
        String token = crux().cruxResetPassword(new CruxResetPasswordRequest().email(t.email()), raw(t.apiKey())).getResetToken();

        assertCruxError(404, get(COMPLETE + "?token=" + token, raw(other.apiKey())));
        assertCruxError(404, post(COMPLETE, JSON_UTF8, "{\"token\":\"" + token + "\",\"password\":\"" + NEW + "\"}", raw(other.apiKey())));

        crux().cruxCreateNewPassword(new CruxCreatePasswordRequest().token(token).password(NEW), raw(t.apiKey()));
        assertPassword(t.apiKey(), t.email(), NEW);
    }

    @Test
    void theDocumentsEmptyAuthorizationIs401AndAWrongKeyIs403() throws Exception {
        HttpResponse<String> empty = post(PATH, JSON_UTF8, CURL_BODY, Map.of("Authorization", ""));
        assertCruxError(401, empty);
        assertCruxError(401, post(PATH, JSON_UTF8, CURL_BODY, Map.of()));
        assertCruxError(403, post(PATH, JSON_UTF8, CURL_BODY, raw("not-a-key")));
        assertCruxError(403, post(PATH, JSON_UTF8, CURL_BODY, bearer("not-a-key")));
        assertCruxError(401, get(COMPLETE + "?token=abc", Map.of()));
    }

    @Test
    void badRequestsGetCruxsCodes() throws Exception {
        TestTenant t = newTenant("codes@example.com", OLD);
        Map<String, String> key = raw(t.apiKey());
        assertCruxError(400, post(PATH, JSON_UTF8, "{\"email\": ", key));
        assertCruxError(400, get(COMPLETE, key));
        assertCruxError(404, get("/timp/organizations/no-such-call/", key));
        assertCruxError(404, get(COMPLETE + "?token=" + "x".repeat(43), key));
        assertCruxError(405, get(PATH, key));
        assertCruxError(405, send("DELETE", COMPLETE, null, null, key));
        assertCruxError(415, post(PATH, "text/plain", CURL_BODY, key));
        assertCruxError(415, post(PATH, "application/x-www-form-urlencoded", "email=codes%40example.com", key));

        HttpResponse<String> missing = post(PATH, JSON_UTF8, "{}", key);
        assertCruxError(422, missing);
        assertTrue(json(missing).at("/errors/email").isArray(), missing.body());
        HttpResponse<String> invalid = post(PATH, JSON_UTF8, "{\"email\":\"not an email\"}", key);
        assertCruxError(422, invalid);
        assertTrue(json(invalid).at("/errors/email").isArray(), invalid.body());
        assertEquals(0, outboxSize(t.id()));
    }

    @Test
    void aWeakPasswordIs422AndTheTokenStaysUsable() throws Exception {
        TestTenant t = newTenant("weak@example.com", OLD);
        String token = crux().cruxResetPassword(new CruxResetPasswordRequest().email(t.email()), raw(t.apiKey())).getResetToken();

        ApiException weak = assertThrows(ApiException.class, () -> crux().cruxCreateNewPassword(
                new CruxCreatePasswordRequest().token(token).password("short"), raw(t.apiKey())));
        assertCruxError(422, weak);
        assertTrue(JSON.readTree(weak.getResponseBody()).at("/errors/password").isArray(), weak.getResponseBody());
        assertCruxError(422, post(COMPLETE, JSON_UTF8, "{\"token\":\"" + token + "\"}", raw(t.apiKey())));

        crux().cruxCreateNewPassword(new CruxCreatePasswordRequest().token(token).password(NEW), raw(t.apiKey()));
        assertPassword(t.apiKey(), t.email(), NEW);
    }
}
