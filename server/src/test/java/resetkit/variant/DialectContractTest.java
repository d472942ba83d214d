package resetkit.variant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import resetkit.client.ApiException;
import resetkit.client.model.AccountCreate;
import resetkit.client.model.AuditEvent;
import resetkit.client.model.CredentialCheck;
import resetkit.client.model.TenantCreate;
import resetkit.testing.Mailbox;
import resetkit.testing.IntegrationTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the dialects' contract tests share: raw requests of any method, JSON reading, outbox and password checks. */
public abstract class DialectContractTest extends IntegrationTest {
    protected static final Duration MAIL = Duration.ofSeconds(10);
    protected static final ObjectMapper JSON = new ObjectMapper();

    /** Any method with any body: for what the generated client cannot send (GET with a body, wrong content types). */
    protected HttpResponse<String> send(String method, String path, String contentType, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    protected static void assertJson(String expected, HttpResponse<String> response) throws Exception {
        assertEquals(JSON.readTree(expected), JSON.readTree(response.body()), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().toString());
    }

    protected static void assertJsonBody(String expected, String body) throws Exception {
        assertEquals(JSON.readTree(expected), JSON.readTree(body), body);
    }

    /** Mails queued for the tenant so far (sent or not): an unknown account must add none. */
    protected int outboxSize(String tenantId) throws Exception {
        return admin().listOutbox(tenantId, null, 500, adminAuth()).getMessages().size();
    }

    protected void assertPassword(String apiKey, String email, String password) throws Exception {
        credentials().verifyCredentials(new CredentialCheck().identifier(email).password(password), bearer(apiKey));
    }

    protected void assertPasswordRefused(String apiKey, String email, String password) {
        resetkit.client.ApiException e = org.junit.jupiter.api.Assertions.assertThrows(resetkit.client.ApiException.class,
                () -> assertPassword(apiKey, email, password));
        assertEquals(401, e.getCode());
    }

    private final Map<String, Integer> mailsSeen = new HashMap<>();

    /** The next reset mail to a recipient; "password changed" notices in between are skipped. */
    protected MimeMessage nextResetMail(String recipient) throws InterruptedException {
        while (true) {
            int next = mailsSeen.merge(recipient, 1, Integer::sum);
            MimeMessage mail = mailbox.awaitMessage(recipient, next, MAIL);
            if (Mailbox.text(mail).contains("token=")) {
                return mail;
            }
        }
    }

    /** A tenant with a chosen id (as a dialect with a configured tenant needs) and one account. */
    protected TestTenant fixedTenant(String id, String email, String username, String password) throws ApiException {
        String apiKey = admin().createTenant(new TenantCreate().id(id).name("Tenant " + id)
                .allowedRedirectUrls(List.of("https://app.example.com/reset")), adminAuth()).getApiKey();
        String accountId = admin().createAccount(id, new AccountCreate().email(email).username(username).password(password),
                adminAuth()).getId();
        return new TestTenant(id, apiKey, accountId, email);
    }

    protected long events(String tenantId, String type) throws ApiException {
        return admin().listEvents(tenantId, 500, adminAuth()).getEvents().stream().map(AuditEvent::getType)
                .filter(type::equals).count();
    }

    /** The new password is accepted by the credential endpoint and the old one is not. */
    protected void assertPasswordChanged(TestTenant tenant, String oldPassword, String newPassword) throws ApiException {
        assertEquals(tenant.accountId(), credentials().verifyCredentials(
                new CredentialCheck().identifier(tenant.email()).password(newPassword), bearer(tenant.apiKey())).getAccountId());
        ApiException old = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class, () -> credentials().verifyCredentials(
                new CredentialCheck().identifier(tenant.email()).password(oldPassword), bearer(tenant.apiKey())));
        assertEquals(401, old.getCode());
    }
}
