package resetkit.variant.zap;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import resetkit.client.ApiException;
import resetkit.client.api.ZapApi;
import resetkit.client.model.CompleteResetRequest;
import resetkit.client.model.ZapForgotPasswordRequest;
import resetkit.client.model.ZapMessageResponse;
import resetkit.client.model.ZapPasswordResetResponse;
import resetkit.client.model.ZapResetPasswordRequest;
import resetkit.client.model.ZapTokenResponse;
import resetkit.client.model.ZapVerifyOtpRequest;
import resetkit.testing.Mailbox;
import resetkit.variant.DialectContractTest;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ZAP's document replayed: the forgotPassword example, its 400s, and the OTP companions to completion. */
@MicronautTest(transactional = false)
class ZapContractTest extends DialectContractTest {
    private static final String PATH = "/v1/business/forgotPassword";
    private static final String OLD = "old-passw0rd!";
    private static final String NEW = "N3w-passw0rd!";
    private static final String CHECK_EMAIL = "Please check your email to continue password reset";
    /** The document's sample request body, byte for byte. */
    private static final String EXAMPLE = """
            {
                "email":"johndoe@example.com"
            }""";

    private ZapApi zap() {
        return new ZapApi(apiClient());
    }

    /** The document writes two spaces after "Bearer". */
    private static Map<String, String> documentHeaders(String key) {
        return Map.of("Authorization", "Bearer  " + key);
    }

    private void assertBadRequest(HttpResponse<String> response) throws Exception {
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(false, json(response).get("success").asBoolean(true));
        assertTrue(json(response).get("message").isTextual(), response.body());
    }

    private static void assertBadRequest(ApiException e) throws Exception {
        assertEquals(400, e.getCode(), e.getResponseBody());
        assertEquals(false, JSON.readTree(e.getResponseBody()).get("success").asBoolean(true));
    }

    /** forgotPassword, then the mailed OTP verified: the token is ready to set the password. */
    private String tokenWithVerifiedOtp(TestTenant t) throws Exception {
        String token = zap().zapForgotPassword(new ZapForgotPasswordRequest().email(t.email()), bearer(t.apiKey())).getData().getToken();
        String otp = Mailbox.code(mailbox.awaitMessage(t.email(), 1, MAIL));
        zap().zapVerifyOtp(new ZapVerifyOtpRequest().otp(otp).identity(t.email()), bearer(t.apiKey()));
        return token;
    }

    @Test
    void theDocumentsExampleThenOtpVerifyThenAuthSetsThePassword() throws Exception {
        TestTenant t = newTenant("johndoe@example.com", OLD);
        HttpResponse<String> response = post(PATH, "application/json", EXAMPLE, documentHeaders(t.apiKey()));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = json(response);
        assertEquals(true, body.get("success").asBoolean());
        assertEquals(CHECK_EMAIL, body.at("/data/message").asText());
        String token = body.at("/data/token").asText();

        String otp = Mailbox.code(mailbox.awaitMessage(t.email(), 1, MAIL));
        ZapMessageResponse verified = zap().zapVerifyOtp(new ZapVerifyOtpRequest().otp(otp).identity(t.email()), bearer(t.apiKey()));
        assertEquals(true, verified.getSuccess());
        assertEquals("OTP verified", verified.getData());

        ZapPasswordResetResponse reset = zap().zapResetPassword(token,
                new ZapResetPasswordRequest().identity(t.email()).newPassword(NEW), bearer(t.apiKey()));
        assertEquals(true, reset.getSuccess());
        assertEquals("Password reset successfully", reset.getData().getData());
        assertPassword(t.apiKey(), t.email(), NEW);
        assertPasswordRefused(t.apiKey(), t.email(), OLD);
    }

    @Test
    void theTokenAloneSetsNoPasswordUntilTheOtpIsVerified() throws Exception {
        TestTenant t = newTenant("handle@example.com", OLD);
        String token = zap().zapForgotPassword(new ZapForgotPasswordRequest().email(t.email()), bearer(t.apiKey())).getData().getToken();
        String otp = Mailbox.code(mailbox.awaitMessage(t.email(), 1, MAIL));

        assertBadRequest(assertThrows(ApiException.class, () -> zap().zapResetPassword(token,
                new ZapResetPasswordRequest().identity(t.email()).newPassword(NEW), bearer(t.apiKey()))));
        // nor through the native API: the handle is not the mailed link token, and a flow id needs its code
        assertEquals(400, assertThrows(ApiException.class, () -> resets().completePasswordReset(
                new CompleteResetRequest().token(token).newPassword("a long native password 1"))).getCode());
        assertPassword(t.apiKey(), t.email(), OLD);

        String wrong = otp.equals("000000") ? "111111" : "000000";
        assertBadRequest(assertThrows(ApiException.class, () -> zap().zapVerifyOtp(
                new ZapVerifyOtpRequest().otp(wrong).identity(t.email()), bearer(t.apiKey()))));
        assertBadRequest(assertThrows(ApiException.class, () -> zap().zapResetPassword(token,
                new ZapResetPasswordRequest().identity(t.email()).newPassword(NEW), bearer(t.apiKey()))));

        zap().zapVerifyOtp(new ZapVerifyOtpRequest().otp(otp).identity(t.email()), bearer(t.apiKey()));
        zap().zapResetPassword(token, new ZapResetPasswordRequest().identity(t.email()).newPassword(NEW), bearer(t.apiKey()));
        assertPassword(t.apiKey(), t.email(), NEW);
        // single use
        assertBadRequest(assertThrows(ApiException.class, () -> zap().zapResetPassword(token,
                new ZapResetPasswordRequest().identity(t.email()).newPassword("An0ther-pass!"), bearer(t.apiKey()))));
    }

    @Test
    void fiveWrongOtpsLockTheReset() throws Exception {
        TestTenant t = newTenant("locked@example.com", OLD);
        String token = zap().zapForgotPassword(new ZapForgotPasswordRequest().email(t.email()), bearer(t.apiKey())).getData().getToken();
        String otp = Mailbox.code(mailbox.awaitMessage(t.email(), 1, MAIL));
        String wrong = otp.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertBadRequest(assertThrows(ApiException.class, () -> zap().zapVerifyOtp(
                    new ZapVerifyOtpRequest().otp(wrong).identity(t.email()), bearer(t.apiKey()))));
        }
        assertBadRequest(assertThrows(ApiException.class, () -> zap().zapVerifyOtp(
                new ZapVerifyOtpRequest().otp(otp).identity(t.email()), bearer(t.apiKey()))));
        assertBadRequest(assertThrows(ApiException.class, () -> zap().zapResetPassword(token,
                new ZapResetPasswordRequest().identity(t.email()).newPassword(NEW), bearer(t.apiKey()))));
        assertPassword(t.apiKey(), t.email(), OLD);
    }

    @Test
    void theTokenWorksOnlyForItsAccountAndItsTenant() throws Exception {
        TestTenant t = newTenant("owner@example.com", OLD);
        TestTenant other = newTenant("owner@example.com", OLD);
        String token = tokenWithVerifiedOtp(t);

        assertBadRequest(assertThrows(ApiException.class, () -> zap().zapResetPassword(token,
                new ZapResetPasswordRequest().identity("someone-else@example.com").newPassword(NEW), bearer(t.apiKey()))));
        assertBadRequest(assertThrows(ApiException.class, () -> zap().zapResetPassword(token,
                new ZapResetPasswordRequest().identity(t.email()).newPassword(NEW), bearer(other.apiKey()))));
        assertPassword(other.apiKey(), other.email(), OLD);

        zap().zapResetPassword(token, new ZapResetPasswordRequest().identity(t.email()).newPassword(NEW), bearer(t.apiKey()));
        assertPassword(t.apiKey(), t.email(), NEW);
    }

    @Test
    void zapsPasswordRuleIsEnforcedAndTheFlowStaysUsable() throws Exception {
        TestTenant t = newTenant("rules@example.com", OLD);
        String token = tokenWithVerifiedOtp(t);

        for (String weak : new String[]{"Sh0rt!", "no-digits-here!", "n0special1234", "L0ng-" + "x".repeat(26)}) {
            ApiException e = assertThrows(ApiException.class, () -> zap().zapResetPassword(token,
                    new ZapResetPasswordRequest().identity(t.email()).newPassword(weak), bearer(t.apiKey())), weak);
            assertBadRequest(e);
            assertEquals("newPassword", JSON.readTree(e.getResponseBody()).at("/errors/0/field").asText(), e.getResponseBody());
        }
        String thirty = "Exactly-30-characters-long-ok!";
        assertEquals(30, thirty.length());
        zap().zapResetPassword(token, new ZapResetPasswordRequest().identity(t.email()).newPassword(thirty), bearer(t.apiKey()));
        assertPassword(t.apiKey(), t.email(), thirty);
    }

    @Test
    void resendIssuesANewOtpAndTokenAndRetiresTheOldOnes() throws Exception {
        TestTenant t = newTenant("resend@example.com", OLD);
        String first = zap().zapForgotPassword(new ZapForgotPasswordRequest().email(t.email()), bearer(t.apiKey())).getData().getToken();
        String firstOtp = Mailbox.code(mailbox.awaitMessage(t.email(), 1, MAIL));
        ZapTokenResponse resent = zap().zapResendOtp(new ZapForgotPasswordRequest().email(t.email()), bearer(t.apiKey()));
        assertEquals(CHECK_EMAIL, resent.getData().getMessage());
        String second = resent.getData().getToken();
        assertNotEquals(first, second);
        String secondOtp = Mailbox.code(mailbox.awaitMessage(t.email(), 2, MAIL));

        if (!firstOtp.equals(secondOtp)) {
            assertBadRequest(assertThrows(ApiException.class, () -> zap().zapVerifyOtp(
                    new ZapVerifyOtpRequest().otp(firstOtp).identity(t.email()), bearer(t.apiKey()))));
        }
        zap().zapVerifyOtp(new ZapVerifyOtpRequest().otp(secondOtp).identity(t.email()), bearer(t.apiKey()));
        assertBadRequest(assertThrows(ApiException.class, () -> zap().zapResetPassword(first,
                new ZapResetPasswordRequest().identity(t.email()).newPassword(NEW), bearer(t.apiKey()))));
        zap().zapResetPassword(second, new ZapResetPasswordRequest().identity(t.email()).newPassword(NEW), bearer(t.apiKey()));
        assertPassword(t.apiKey(), t.email(), NEW);
    }

    @Test
    void anUnknownEmailGetsTheSameAnswerAndNoMail() throws Exception {
        TestTenant t = newTenant("known@example.com", OLD);
        ZapTokenResponse known = zap().zapForgotPassword(new ZapForgotPasswordRequest().email(t.email()), bearer(t.apiKey()));
        mailbox.awaitMessage(t.email(), 1, MAIL);
        int queued = outboxSize(t.id());

        HttpResponse<String> unknown = post(PATH, "application/json", "{\"email\":\"stranger@example.com\"}", bearer(t.apiKey()));
        assertEquals(200, unknown.statusCode());
        JsonNode body = json(unknown);
        assertEquals(true, body.get("success").asBoolean());
        assertEquals(CHECK_EMAIL, body.at("/data/message").asText());
        String decoy = body.at("/data/token").asText();
        assertEquals(known.getData().getToken().length(), decoy.length());
        assertEquals(known.getData().getToken().replaceAll("[0-9a-f]", "x"), decoy.replaceAll("[0-9a-f]", "x"));
        assertEquals(queued, outboxSize(t.id()));
        assertTrue(mailbox.to("stranger@example.com").isEmpty());
        assertBadRequest(assertThrows(ApiException.class, () -> zap().zapVerifyOtp(
                new ZapVerifyOtpRequest().otp("123456").identity("stranger@example.com"), bearer(t.apiKey()))));
        assertBadRequest(assertThrows(ApiException.class, () -> zap().zapResetPassword(decoy,
                new ZapResetPasswordRequest().identity("stranger@example.com").newPassword(NEW), bearer(t.apiKey()))));
    }

    @Test
    void malformedBodiesAndContentTypesAre400() throws Exception {
        TestTenant t = newTenant("malformed@example.com", OLD);
        Map<String, String> auth = bearer(t.apiKey());
        assertBadRequest(post(PATH, "application/json", "{\"email\":", auth));
        assertBadRequest(post(PATH, "text/plain", EXAMPLE, auth));
        assertBadRequest(post(PATH, "application/x-www-form-urlencoded", "email=johndoe%40example.com", auth));
        assertBadRequest(post(PATH, null, EXAMPLE, auth));
        assertBadRequest(post(PATH, "application/json", "{}", auth));
        assertBadRequest(post(PATH, "application/json", "{\"email\":42}", auth));
        assertBadRequest(post(PATH, "application/json", "{\"email\":\"not an email\"}", auth));


        String over = "a".repeat(64) + "@" + "b".repeat(252) + ".com";
        assertEquals(321, over.length());
        HttpResponse<String> long321 = post(PATH, "application/json", "{\"email\":\"" + over + "\"}", auth);
        assertBadRequest(long321);
        assertEquals("email", json(long321).at("/errors/0/field").asText(), long321.body());
        assertEquals(0, outboxSize(t.id()));
        assertBadRequest(post("/v1/business/auth", "application/json", "{\"identity\":\"x@example.com\",\"newPassword\":\"" + NEW + "\"}", auth));
    }

    @Test
    void aMissingOrWrongKeyIs401() throws Exception {
        HttpResponse<String> none = post(PATH, "application/json", EXAMPLE, Map.of());
        assertEquals(401, none.statusCode());
        assertEquals(false, json(none).get("success").asBoolean(true));
        assertEquals(401, post(PATH, "application/json", EXAMPLE, documentHeaders("not-a-key")).statusCode());
        assertEquals(401, post("/v1/otp/verify", "application/json", "{\"otp\":\"123456\",\"identity\":\"a@b.c\"}", Map.of()).statusCode());
    }
}
