package resetkit.reset;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import resetkit.client.ApiException;
import resetkit.client.model.CompleteResetRequest;
import resetkit.client.model.CredentialCheck;
import resetkit.client.model.PasswordResetAccepted;
import resetkit.client.model.PasswordResetRequest;
import resetkit.client.model.VerifyResetRequest;
import resetkit.client.model.VerifyResetResponse;
import resetkit.testing.IntegrationTest;
import resetkit.testing.Mailbox;

import java.time.Duration;
import java.time.OffsetDateTime;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The native flow end to end, through the generated client, over HTTP, with mail read from a real SMTP server. */
@MicronautTest(transactional = false)
class NativeResetLifecycleTest extends IntegrationTest {
    private static final String OLD = "the old password 1";
    private static final String NEW = "a brand new password 2";
    private static final Duration MAIL = Duration.ofSeconds(10);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void requestMailVerifyCompleteChangesThePassword() throws Exception {
        TestTenant t = newTenant("alice@example.com", OLD, "https://app.example.com/reset");

        PasswordResetAccepted accepted = resets().requestPasswordReset(
                new PasswordResetRequest().identifier("Alice@Example.com"), bearer(t.apiKey()));
        assertNotNull(accepted.getFlowId());
        assertTrue(accepted.getExpiresAt().isAfter(OffsetDateTime.now().plusMinutes(59)));

        MimeMessage mail = mailbox.awaitMessage(t.email(), 1, MAIL);
        String token = Mailbox.token(mail);
        assertTrue(Mailbox.link(mail).startsWith("https://app.example.com/reset?token="), Mailbox.link(mail));
        assertTrue(token.length() >= 43, "256-bit token");
        assertTrue(Mailbox.html(mail).contains("https://app.example.com/reset?token=" + token));
        assertTrue(Mailbox.code(mail).matches("\\d{6}"));

        VerifyResetResponse verified = resets().verifyPasswordReset(new VerifyResetRequest().token(token));
        assertEquals(accepted.getExpiresAt().toInstant().getEpochSecond(), verified.getExpiresAt().toInstant().getEpochSecond());

        resets().completePasswordReset(new CompleteResetRequest().token(token).newPassword(NEW));

        assertEquals(t.accountId(), credentials().verifyCredentials(
                new CredentialCheck().identifier(t.email()).password(NEW), bearer(t.apiKey())).getAccountId());
        ApiException old = assertThrows(ApiException.class, () -> credentials().verifyCredentials(
                new CredentialCheck().identifier(t.email()).password(OLD), bearer(t.apiKey())));
        assertEquals(401, old.getCode());

        MimeMessage notice = mailbox.awaitMessage(t.email(), 2, MAIL);
        assertTrue(notice.getSubject().contains("password was changed"), notice.getSubject());
    }

    @Test
    void flowIdAndCodeWorkWithoutTheLink() throws Exception {
        TestTenant t = newTenant("bob@example.com", OLD, "https://app.example.com/reset");
        PasswordResetAccepted accepted = resets().requestPasswordReset(
                new PasswordResetRequest().identifier(t.email()), bearer(t.apiKey()));
        String code = Mailbox.code(mailbox.awaitMessage(t.email(), 1, MAIL));

        resets().verifyPasswordReset(new VerifyResetRequest().flowId(accepted.getFlowId()).code(code));
        resets().completePasswordReset(new CompleteResetRequest().flowId(accepted.getFlowId()).code(code).newPassword(NEW));

        credentials().verifyCredentials(new CredentialCheck().identifier(t.email()).password(NEW), bearer(t.apiKey()));
    }

    @Test
    void aUsedTokenIsRefused() throws Exception {
        TestTenant t = newTenant("carol@example.com", OLD);
        resets().requestPasswordReset(new PasswordResetRequest().identifier(t.email()), bearer(t.apiKey()));
        String token = Mailbox.token(mailbox.awaitMessage(t.email(), 1, MAIL));
        resets().completePasswordReset(new CompleteResetRequest().token(token).newPassword(NEW));

        assertInvalidSecret(() -> resets().completePasswordReset(new CompleteResetRequest().token(token).newPassword("yet another password 3")));
        assertInvalidSecret(() -> resets().verifyPasswordReset(new VerifyResetRequest().token(token)));
        credentials().verifyCredentials(new CredentialCheck().identifier(t.email()).password(NEW), bearer(t.apiKey()));
    }

    @Test
    void aFlowIdInAnyAlphabetIsJustAnUnknownFlow() {
        // flow ids are byte-compared on MySQL/MariaDB (migration 53); any string a client sends must still compare
        for (String flowId : List.of("flöw-id", "名前", "😀")) {
            assertInvalidSecret(() -> resets().verifyPasswordReset(new VerifyResetRequest().flowId(flowId).code("123456")));
        }
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        TestTenant t = newTenant("dave@example.com", OLD);
        resets().requestPasswordReset(new PasswordResetRequest().identifier(t.email()), bearer(t.apiKey()));
        String token = Mailbox.token(mailbox.awaitMessage(t.email(), 1, MAIL));

        clock.advance(Duration.ofMinutes(59));
        resets().verifyPasswordReset(new VerifyResetRequest().token(token));
        clock.advance(Duration.ofMinutes(2));

        assertInvalidSecret(() -> resets().verifyPasswordReset(new VerifyResetRequest().token(token)));
        assertInvalidSecret(() -> resets().completePasswordReset(new CompleteResetRequest().token(token).newPassword(NEW)));
        credentials().verifyCredentials(new CredentialCheck().identifier(t.email()).password(OLD), bearer(t.apiKey()));
    }

    @Test
    void aNewRequestRevokesTheEarlierFlow() throws Exception {
        TestTenant t = newTenant("erin@example.com", OLD);
        resets().requestPasswordReset(new PasswordResetRequest().identifier(t.email()), bearer(t.apiKey()));
        String first = Mailbox.token(mailbox.awaitMessage(t.email(), 1, MAIL));
        resets().requestPasswordReset(new PasswordResetRequest().identifier(t.email()), bearer(t.apiKey()));
        String second = Mailbox.token(mailbox.awaitMessage(t.email(), 2, MAIL));

        assertInvalidSecret(() -> resets().verifyPasswordReset(new VerifyResetRequest().token(first)));
        resets().completePasswordReset(new CompleteResetRequest().token(second).newPassword(NEW));
    }

    @Test
    void aCompletionRevokesTheOtherOpenFlows() throws Exception {
        TestTenant t = newTenant("frank@example.com", OLD);
        PasswordResetAccepted first = resets().requestPasswordReset(new PasswordResetRequest().identifier(t.email()), bearer(t.apiKey()));
        String code = Mailbox.code(mailbox.awaitMessage(t.email(), 1, MAIL));
        resets().completePasswordReset(new CompleteResetRequest().flowId(first.getFlowId()).code(code).newPassword(NEW));
        assertInvalidSecret(() -> resets().verifyPasswordReset(new VerifyResetRequest().flowId(first.getFlowId()).code(code)));
    }

    @Test
    void fiveWrongCodesLockTheFlow() throws Exception {
        TestTenant t = newTenant("grace@example.com", OLD);
        PasswordResetAccepted accepted = resets().requestPasswordReset(new PasswordResetRequest().identifier(t.email()), bearer(t.apiKey()));
        String code = Mailbox.code(mailbox.awaitMessage(t.email(), 1, MAIL));
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertInvalidSecret(() -> resets().verifyPasswordReset(new VerifyResetRequest().flowId(accepted.getFlowId()).code(wrong)));
        }
        assertInvalidSecret(() -> resets().completePasswordReset(
                new CompleteResetRequest().flowId(accepted.getFlowId()).code(code).newPassword(NEW)));
        credentials().verifyCredentials(new CredentialCheck().identifier(t.email()).password(OLD), bearer(t.apiKey()));
    }

    @Test
    void aWeakPasswordIsRefusedAndTheFlowStaysUsable() throws Exception {
        TestTenant t = newTenant("heidi@example.com", OLD);
        resets().requestPasswordReset(new PasswordResetRequest().identifier(t.email()), bearer(t.apiKey()));
        String token = Mailbox.token(mailbox.awaitMessage(t.email(), 1, MAIL));

        ApiException refused = assertThrows(ApiException.class,
                () -> resets().completePasswordReset(new CompleteResetRequest().token(token).newPassword("short")));
        assertEquals(400, refused.getCode());
        assertTrue(refused.getResponseBody().contains("password-policy"), refused.getResponseBody());
        assertTrue(refused.getResponseBody().contains("at least 12 characters"), refused.getResponseBody());

        resets().completePasswordReset(new CompleteResetRequest().token(token).newPassword(NEW));
    }

    @Test
    void aCommonPasswordIsRefusedWithTheRuleItBreaks() throws Exception {
        TestTenant t = newTenant("ivan@example.com", OLD);
        resets().requestPasswordReset(new PasswordResetRequest().identifier(t.email()), bearer(t.apiKey()));
        String token = Mailbox.token(mailbox.awaitMessage(t.email(), 1, MAIL));
        for (String common : new String[]{"qwerty123456", "QWERTY123456", "1qaz2wsx3edc"}) {
            ApiException refused = assertThrows(ApiException.class,
                    () -> resets().completePasswordReset(new CompleteResetRequest().token(token).newPassword(common)));
            assertEquals(400, refused.getCode());
            assertTrue(refused.getResponseBody().contains("commonly used password"), refused.getResponseBody());
        }
        resets().completePasswordReset(new CompleteResetRequest().token(token).newPassword(NEW));
    }

    private static void assertInvalidSecret(org.junit.jupiter.api.function.Executable call) {
        ApiException e = assertThrows(ApiException.class, call);
        assertEquals(400, e.getCode(), e.getResponseBody());
        assertTrue(e.getResponseBody().contains("urn:resetkit:problem:invalid-reset-secret"), e.getResponseBody());
    }
}
