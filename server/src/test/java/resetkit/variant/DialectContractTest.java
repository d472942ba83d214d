package resetkit.variant;

import jakarta.mail.internet.MimeMessage;
import resetkit.client.ApiException;
import resetkit.client.model.AccountCreate;
import resetkit.client.model.AuditEvent;
import resetkit.client.model.CredentialCheck;
import resetkit.client.model.TenantCreate;
import resetkit.testing.IntegrationTest;
import resetkit.testing.Mailbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Helpers shared by the dialect contract tests: fixed tenants, the outbox as proof of "no mail", the credential check. */
public abstract class DialectContractTest extends IntegrationTest {
    protected static final Duration MAIL = Duration.ofSeconds(10);

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

    /** Mails queued for a tenant: the outbox is written in the request's transaction, so this needs no waiting. */
    protected int queuedMails(String tenantId) throws ApiException {
        return admin().listOutbox(tenantId, null, 500, adminAuth()).getMessages().size();
    }

    protected long events(String tenantId, String type) throws ApiException {
        return admin().listEvents(tenantId, 500, adminAuth()).getEvents().stream().map(AuditEvent::getType)
                .filter(type::equals).count();
    }

    /** The new password is accepted by the credential endpoint and the old one is not. */
    protected void assertPasswordChanged(TestTenant tenant, String oldPassword, String newPassword) throws ApiException {
        assertEquals(tenant.accountId(), credentials().verifyCredentials(
                new CredentialCheck().identifier(tenant.email()).password(newPassword), bearer(tenant.apiKey())).getAccountId());
        ApiException old = assertThrows(ApiException.class, () -> credentials().verifyCredentials(
                new CredentialCheck().identifier(tenant.email()).password(oldPassword), bearer(tenant.apiKey())));
        assertEquals(401, old.getCode());
    }
}
