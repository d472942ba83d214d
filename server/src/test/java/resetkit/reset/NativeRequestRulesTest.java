package resetkit.reset;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import resetkit.client.ApiException;
import resetkit.client.model.OutboxMessageList;
import resetkit.client.model.PasswordResetAccepted;
import resetkit.client.model.PasswordResetRequest;
import resetkit.testing.IntegrationTest;
import resetkit.testing.Mailbox;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the request endpoint accepts and refuses: enumeration, allow-list, keys, malformed input. */
@MicronautTest(transactional = false)
class NativeRequestRulesTest extends IntegrationTest {

    @Test
    void anUnknownAccountGetsTheSameAnswerAndNoMail() throws Exception {
        TestTenant t = newTenant("known@example.com", "some password 12", "https://app.example.com/reset");
        HttpResponse<String> unknown = post("/v1/password-resets", "application/json",
                "{\"identifier\":\"nobody@example.com\"}", bearer(t.apiKey()));
        HttpResponse<String> known = post("/v1/password-resets", "application/json",
                "{\"identifier\":\"known@example.com\"}", bearer(t.apiKey()));

        assertEquals(202, unknown.statusCode());
        assertEquals(known.statusCode(), unknown.statusCode());
        assertEquals(shape(known.body()), shape(unknown.body()));
        assertEquals(known.headers().firstValue("content-type"), unknown.headers().firstValue("content-type"));

        mailbox.awaitMessage("known@example.com", 1, Duration.ofSeconds(10));
        assertEquals(0, mailbox.to("nobody@example.com").size());
        assertEquals(1, mailbox.to("known@example.com").size());
        OutboxMessageList outbox = admin().listOutbox(t.id(), null, 100, adminAuth());
        assertEquals(1, outbox.getMessages().size(), "no outbox row for the unknown account");
    }

    @Test
    void theResetLinkMustStayOnTheTenantsAllowList() throws Exception {
        TestTenant t = newTenant("links@example.com", "some password 12", "https://app.example.com/reset");
        for (String evil : new String[]{"https://evil.example.com/reset", "https://app.example.com.evil.com/reset",
                "https://app.example.com/other", "http://app.example.com/reset", "https://app.example.com:8443/reset",
                "https://user@app.example.com/reset", "https://app.example.com/reset/../admin"}) {
            ApiException refused = assertThrows(ApiException.class, () -> resets().requestPasswordReset(
                    new PasswordResetRequest().identifier(t.email()).redirectUrl(evil), bearer(t.apiKey())), evil);
            assertEquals(400, refused.getCode(), evil);
            assertTrue(refused.getResponseBody().contains("redirect-not-allowed"), refused.getResponseBody());
        }
        // refused the same way for an unknown account: the answer does not depend on the account
        ApiException unknown = assertThrows(ApiException.class, () -> resets().requestPasswordReset(
                new PasswordResetRequest().identifier("ghost@example.com").redirectUrl("https://evil.example.com/"), bearer(t.apiKey())));
        assertEquals(400, unknown.getCode());

        resets().requestPasswordReset(new PasswordResetRequest().identifier(t.email())
                .redirectUrl("https://app.example.com/reset/deep?lang=de"), bearer(t.apiKey()));
        String link = Mailbox.link(mailbox.awaitMessage(t.email(), 1, Duration.ofSeconds(10)));
        assertTrue(link.startsWith("https://app.example.com/reset/deep?lang=de&token="), link);
        assertEquals(1, mailbox.to(t.email()).size(), "refused requests sent nothing");
    }

    @Test
    void aWrongOrMissingKeyIsUnauthorized() throws Exception {
        TestTenant t = newTenant("keys@example.com", "some password 12");
        ApiException wrong = assertThrows(ApiException.class, () -> resets().requestPasswordReset(
                new PasswordResetRequest().identifier(t.email()), bearer(t.apiKey() + "x")));
        assertEquals(401, wrong.getCode());
        assertTrue(wrong.getResponseBody().contains("urn:resetkit:problem:unauthorized"));
        ApiException missing = assertThrows(ApiException.class, () -> resets().requestPasswordReset(
                new PasswordResetRequest().identifier(t.email())));
        assertEquals(401, missing.getCode());
        HttpResponse<String> basic = post("/v1/password-resets", "application/json", "{\"identifier\":\"keys@example.com\"}",
                Map.of("Authorization", "Basic " + t.apiKey()));
        assertEquals(401, basic.statusCode());
        assertEquals(401, post("/v1/credentials/verify", "application/json", "{\"identifier\":\"a\",\"password\":\"b\"}", Map.of()).statusCode());
    }

    @Test
    void malformedInputGetsAProblemAndStoresNothing() throws Exception {
        TestTenant t = newTenant("input@example.com", "some password 12");
        Map<String, String> key = bearer(t.apiKey());
        assertProblem(post("/v1/password-resets", "application/json", "{\"identifier\":", key), 400, "malformed-request");
        assertProblem(post("/v1/password-resets", "application/json", "{\"identifier\":5}", key), 400, null);
        assertProblem(post("/v1/password-resets", "application/json", "{\"identifier\":[\"input@example.com\"]}", key), 400, null);
        assertProblem(post("/v1/password-resets", "application/json", "[1,2]", key), 400, null);
        assertProblem(post("/v1/password-resets", "application/json", "{}", key), 400, "validation");
        assertProblem(post("/v1/password-resets", "application/json", "", key), 400, null);
        HttpResponse<String> tooLongField = post("/v1/password-resets", "application/json",
                "{\"identifier\":\"" + "a".repeat(321) + "\"}", key);
        assertProblem(tooLongField, 400, "validation");
        assertTrue(tooLongField.body().contains("\"field\":\"identifier\""), tooLongField.body());
        assertProblem(post("/v1/password-resets", "application/json", "{\"identifier\":\"input@example.com\",\"locale\":\"en\\r\\nBcc: x@evil.com\"}", key), 400, "validation");
        assertProblem(post("/v1/password-resets", "application/json",
                "{\"identifier\":\"" + "a".repeat(70_000) + "\"}", key), 413, null);
        assertProblem(post("/v1/password-resets", "text/plain", "input@example.com", key), 415, null);
        assertProblem(post("/v1/password-resets/verify", "application/json", "{\"token\":\"" + "x".repeat(20) + "\",\"code\":\"123456\"}", Map.of()), 400, "validation");
        assertProblem(post("/v1/password-resets/verify", "application/json", "{\"code\":\"12345\"}", Map.of()), 400, "validation");
        assertProblem(post("/v1/password-resets/complete", "application/json", "{\"token\":\"" + "x".repeat(20) + "\"}", Map.of()), 400, "validation");
        assertProblem(post("/v1/password-resets/complete", "application/json",
                "{\"token\":\"" + "x".repeat(20) + "\",\"new_password\":\"" + "p".repeat(257) + "\"}", Map.of()), 400, "validation");
        assertProblem(get("/v1/password-resets", key), 405, null);
        assertProblem(get("/v1/no-such-thing", key), 404, null);
        assertProblem(post("/v1/password-resets", "application/json", "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}", key), 400, null);

        assertEquals(0, admin().listOutbox(t.id(), null, 100, adminAuth()).getMessages().size());
        assertEquals(0, mailbox.to(t.email()).size());
    }

    @Test
    void flowIdsOfUnknownAccountsLookReal() throws Exception {
        TestTenant t = newTenant("shape@example.com", "some password 12");
        PasswordResetAccepted a = resets().requestPasswordReset(new PasswordResetRequest().identifier("x@example.com"), bearer(t.apiKey()));
        PasswordResetAccepted b = resets().requestPasswordReset(new PasswordResetRequest().identifier("x@example.com"), bearer(t.apiKey()));
        assertEquals(36, a.getFlowId().length());
        assertNotEquals(a.getFlowId(), b.getFlowId());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String kind) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("content-type").orElse(""), response.body());
        assertTrue(response.body().contains("\"status\":" + status), response.body());
        assertTrue(!response.body().contains("Exception") && !response.body().contains("\tat "), response.body());
        if (kind != null) {
            assertTrue(response.body().contains("urn:resetkit:problem:" + kind), response.body());
        }
    }

    /** The JSON field names of a body, in order: what a client can tell apart without the values. */
    private static String shape(String json) {
        return json.replaceAll("\"[^\"]*\"\\s*:\\s*\"[^\"]*\"", "K:V").replaceAll("\"([^\"]*)\"\\s*:", "$1:");
    }
}
