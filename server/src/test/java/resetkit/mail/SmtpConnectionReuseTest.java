package resetkit.mail;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import resetkit.client.model.PasswordResetRequest;
import resetkit.testing.IntegrationTest;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The worker keeps its SMTP connections open between batches. When the relay has dropped a kept
 * connection (here: restarted), the next mail goes out on a fresh connection at once: no failed
 * attempt, no retry delay (the first retry would come 5 s later with the defaults).
 */
@MicronautTest(transactional = false)
class SmtpConnectionReuseTest extends IntegrationTest {

    @Test
    void aMailAfterTheRelayDroppedTheKeptConnectionGoesOutOnAFreshOneWithoutARetry() throws Exception {
        TestTenant t = newTenant("kept@example.com", "the old password 1");
        resets().requestPasswordReset(new PasswordResetRequest().identifier(t.email()), bearer(t.apiKey()));
        mailbox.awaitMessage(t.email(), 1, Duration.ofSeconds(10));

        mailbox.stop(); // the kept connection dies with it
        mailbox.start();
        resets().requestPasswordReset(new PasswordResetRequest().identifier(t.email()), bearer(t.apiKey()));
        mailbox.awaitMessage(t.email(), 1, Duration.ofSeconds(3));

        assertFalse(admin().listEvents(t.id(), 100, adminAuth()).getEvents().stream()
                .anyMatch(e -> e.getType().startsWith("mail.retry")), "no delivery attempt failed");
    }
}
