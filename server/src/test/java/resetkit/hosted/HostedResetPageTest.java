package resetkit.hosted;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import resetkit.client.ApiException;
import resetkit.client.model.AccountCreate;
import resetkit.client.model.CredentialCheck;
import resetkit.client.model.PasswordResetRequest;
import resetkit.client.model.TenantCreate;
import resetkit.testing.IntegrationTest;
import resetkit.testing.Mailbox;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hosted reset page over real HTTP: the mailed link, the form, every outcome, the browser hardening. */
@MicronautTest(transactional = false)
class HostedResetPageTest extends IntegrationTest {
    private static final String OLD = "the old password 1";
    private static final String NEW = "a brand new password 2";
    private static final Duration MAIL = Duration.ofSeconds(10);
    private static final String FORM = "application/x-www-form-urlencoded";

    private final int port = Mailbox.freePort();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.server.port", String.valueOf(port),
                "resetkit.public.url", "http://127.0.0.1:" + port + "/");
    }

    @Test
    void theMailLinksToTheHostedPageAndItsFormCompletesTheReset() throws Exception {
        TestTenant t = newTenant("hosted@example.com", OLD);
        String token = requestReset(t);

        HttpResponse<String> page = get("/reset?token=" + token, Map.of());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<input type=\"hidden\" name=\"token\" value=\"" + token + "\">"), page.body());
        assertTrue(page.body().contains("<label for=\"password\">New password</label>"));
        assertTrue(page.body().contains("<label for=\"confirmation\">New password again</label>"));
        assertTrue(page.body().contains("At least 12 characters."));
        assertHardened(page);
        // scanners open links: looking twice burns nothing
        assertEquals(200, get("/reset?token=" + token, Map.of()).statusCode());

        HttpResponse<String> done = submit(token, NEW, NEW);
        assertEquals(200, done.statusCode());
        assertTrue(done.body().contains("Password changed"), done.body());
        assertHardened(done);
        assertEquals(t.accountId(), credentials().verifyCredentials(
                new CredentialCheck().identifier(t.email()).password(NEW), bearer(t.apiKey())).getAccountId());

        HttpResponse<String> replay = submit(token, "another new password 3", "another new password 3");
        assertEquals(400, replay.statusCode());
        assertTrue(replay.body().contains("This link is invalid or has expired"));
        assertEquals(400, get("/reset?token=" + token, Map.of()).statusCode());
    }

    @Test
    void aMismatchOrAPolicyRefusalShowsTheReasonsAndKeepsTheLinkUsable() throws Exception {
        TestTenant t = newTenant("typo@example.com", OLD);
        String token = requestReset(t);

        HttpResponse<String> mismatch = submit(token, NEW, NEW + "x");
        assertEquals(400, mismatch.statusCode());
        assertTrue(mismatch.body().contains("The two passwords do not match."), mismatch.body());
        assertTrue(mismatch.body().contains("role=\"alert\""));
        assertTrue(mismatch.body().contains("value=\"" + token + "\""), "the form keeps the token for the next try");

        HttpResponse<String> tooShort = submit(token, "short", "short");
        assertEquals(400, tooShort.statusCode());
        assertTrue(tooShort.body().contains("The new password must be at least 12 characters long."), tooShort.body());
        assertTrue(tooShort.body().contains("<title>Error: choose a new password</title>"));

        assertThrows(ApiException.class, () -> credentials().verifyCredentials(
                new CredentialCheck().identifier(t.email()).password("short"), bearer(t.apiKey())));
        assertEquals(200, submit(token, NEW, NEW).statusCode());
    }

    @Test
    void aBrowsersFormPostUnderNoReferrerIsAcceptedOnLocalhost() throws Exception {
        // what Chromium sends for the form of a page with Referrer-Policy: no-referrer
        TestTenant t = newTenant("origin@example.com", OLD);
        String token = requestReset(t);
        HttpResponse<String> done = post("/reset", FORM, "token=" + enc(token) + "&password=" + enc(NEW) + "&confirmation=" + enc(NEW),
                Map.of("Origin", "null"));
        assertEquals(200, done.statusCode(), done.body());
    }

    @Test
    void aRequestThePageCannotTakeGetsAnHtmlErrorPage() throws Exception {
        HttpResponse<String> json = post("/reset", "application/json", "{\"token\":\"x\"}", Map.of());
        assertEquals(415, json.statusCode());
        assertTrue(json.body().contains("<h1>Unsupported media type</h1>"), json.body());
        assertHardened(json);
    }

    @Test
    void theStylesheetComesFromTheServerItself() throws Exception {
        HttpResponse<String> css = get("/assets/hosted.css", Map.of());
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertTrue(css.body().contains(":focus-visible"));
    }

    @Test
    void anUnknownMissingOrForgedTokenGetsTheInvalidLinkNotice() throws Exception {
        for (String path : List.of("/reset", "/reset?token=", "/reset?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")) {
            HttpResponse<String> page = get(path, Map.of());
            assertEquals(400, page.statusCode(), path);
            assertTrue(page.body().contains("This link is invalid or has expired"), path);
            assertFalse(page.body().contains("<form"), path);
            assertHardened(page);
        }
        HttpResponse<String> noToken = post("/reset", FORM, "password=" + enc(NEW) + "&confirmation=" + enc(NEW), Map.of());
        assertEquals(400, noToken.statusCode());
        assertTrue(noToken.body().contains("This link is invalid or has expired"));
    }

    @Test
    void theTenantNameIsEscaped() throws Exception {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String key = admin().createTenant(new TenantCreate().id(id).name("<script>alert(1)</script> & Co"), adminAuth()).getApiKey();
        String accountId = admin().createAccount(id, new AccountCreate().email("esc@example.com").password(OLD), adminAuth()).getId();
        String token = requestReset(new TestTenant(id, key, accountId, "esc@example.com"));

        String body = get("/reset?token=" + token, Map.of()).body();
        assertTrue(body.contains("for your &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co account"), body);
        assertFalse(body.contains("<script>"));
    }

    private String requestReset(TestTenant t) throws Exception {
        resets().requestPasswordReset(new PasswordResetRequest().identifier(t.email()), bearer(t.apiKey()));
        MimeMessage mail = mailbox.awaitMessage(t.email(), 1, MAIL);
        assertTrue(Mailbox.link(mail).startsWith("http://127.0.0.1:" + port + "/reset?token="), Mailbox.link(mail));
        return Mailbox.token(mail);
    }

    private HttpResponse<String> submit(String token, String password, String confirmation) throws Exception {
        return post("/reset", FORM, "token=" + enc(token) + "&password=" + enc(password) + "&confirmation=" + enc(confirmation), Map.of());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static void assertHardened(HttpResponse<String> page) {
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"), csp);
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(null));
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    }
}
