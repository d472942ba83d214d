package resetkit.reset;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import resetkit.client.ApiException;
import resetkit.client.model.CompleteResetRequest;
import resetkit.client.model.CredentialCheck;
import resetkit.client.model.PasswordResetAccepted;
import resetkit.client.model.PasswordResetRequest;
import resetkit.client.model.VerifyResetRequest;
import resetkit.testing.CapturedLogs;
import resetkit.testing.IntegrationTest;
import resetkit.testing.Mailbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Captures every log line of a full flow (at DEBUG) and looks for the secrets in them. */
@MicronautTest(transactional = false)
class SecretsInLogsTest extends IntegrationTest {

    @Override
    protected Map<String, String> extraProperties() {
        // every logger of the server at DEBUG: its libraries (HTTP, JDBC pool and driver, mail) too
        return Map.of("logger.levels.root", "DEBUG");
    }

    @Test
    void noTokenCodePasswordOrKeyIsLogged() throws Exception {
        CapturedLogs captured = new CapturedLogs();
        String oldPassword = "the old password 1";
        String newPassword = "a brand new password 2";
        TestTenant t;
        String token;
        String code;
        try {
            t = newTenant("logs@example.com", oldPassword);
            PasswordResetAccepted accepted = resets().requestPasswordReset(new PasswordResetRequest().identifier(t.email()), bearer(t.apiKey()));
            MimeMessage mail = mailbox.awaitMessage(t.email(), 1, Duration.ofSeconds(10));
            token = Mailbox.token(mail);
            code = Mailbox.code(mail);
            assertThrows(ApiException.class, () -> resets().verifyPasswordReset(new VerifyResetRequest().flowId(accepted.getFlowId()).code("000000".equals(code) ? "111111" : "000000")));
            resets().verifyPasswordReset(new VerifyResetRequest().flowId(accepted.getFlowId()).code(code));
            assertThrows(ApiException.class, () -> resets().completePasswordReset(new CompleteResetRequest().token(token).newPassword("short")));
            resets().completePasswordReset(new CompleteResetRequest().token(token).newPassword(newPassword));
            assertThrows(ApiException.class, () -> resets().completePasswordReset(new CompleteResetRequest().token(token).newPassword(newPassword)));
            credentials().verifyCredentials(new CredentialCheck().identifier(t.email()).password(newPassword), bearer(t.apiKey()));
            assertThrows(ApiException.class, () -> credentials().verifyCredentials(new CredentialCheck().identifier(t.email()).password(oldPassword), bearer(t.apiKey())));
            mailbox.awaitMessage(t.email(), 2, Duration.ofSeconds(10));
        } finally {
            captured.close();
        }
        // the test's own SMTP server prints the mails it receives, which carry the link by design
        List<String> lines = captured.events().stream().filter(e -> !e.getLoggerName().startsWith("com.icegreen.greenmail"))
                .map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList();
        assertTrue(lines.size() > 5, "logs were captured: " + lines.size());
        String all = String.join("\n", lines);
        for (String secret : List.of(token, oldPassword, newPassword, t.apiKey(), ADMIN_TOKEN)) {
            assertFalse(all.contains(secret), "a secret appears in the logs");
        }
        assertFalse(all.matches("(?s).*\\b" + code + "\\b.*"), "the code appears in the logs");
    }
}
