package resetkit.mail;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import resetkit.client.model.OutboxMessage;
import resetkit.client.model.OutboxStatus;
import resetkit.client.model.PasswordResetRequest;
import resetkit.testing.IntegrationTest;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SMTP server is down when the requests arrive: they are accepted, attempts fail and are
 * retried with backoff, and once the server is up every message arrives exactly once.
 */
@MicronautTest(transactional = false)
class OutboxDeliveryTest extends IntegrationTest {

    @Override
    protected boolean startMailbox() {
        return false;
    }

    @Override
    protected Map<String, String> extraProperties() {
        return quickMailRetries();
    }

    @Test
    void mailsAcceptedDuringAnOutageArriveOnceTheServerIsBack() throws Exception {
        TestTenant t = newTenant("outage@example.com", "the old password 1");
        for (int i = 0; i < 3; i++) {
            resets().requestPasswordReset(new PasswordResetRequest().identifier(t.email()), bearer(t.apiKey()));
        }
        awaitOutbox(t, m -> m.stream().allMatch(x -> x.getAttempts() >= 2 && x.getStatus() == OutboxStatus.PENDING));
        OutboxMessage failing = admin().listOutbox(t.id(), null, 10, adminAuth()).getMessages().get(0);
        assertNotNull(failing.getLastError());
        assertTrue(failing.getLastError().contains("onnect"), failing.getLastError());

        mailbox.start();
        mailbox.awaitMessage(t.email(), 3, Duration.ofSeconds(15));
        awaitOutbox(t, m -> m.stream().allMatch(x -> x.getStatus() == OutboxStatus.SENT));
        Thread.sleep(500); // a duplicate, if any, would be sent by the next polls
        assertEquals(3, mailbox.to(t.email()).size(), "each message exactly once");
        // the Message-ID is the outbox row's id, whatever attempt sent it: a re-sent copy is recognisable
        Set<String> expectedIds = admin().listOutbox(t.id(), null, 10, adminAuth()).getMessages().stream()
                .map(m -> "<" + m.getId() + "@localhost>").collect(Collectors.toSet());
        Set<String> receivedIds = new HashSet<>();
        for (MimeMessage mail : mailbox.to(t.email())) {
            receivedIds.add(mail.getMessageID());
            Instant sent = mail.getSentDate().toInstant();
            assertTrue(Duration.between(sent, Instant.now()).abs().compareTo(Duration.ofMinutes(1)) < 0, "Date header: " + sent);
        }
        assertEquals(expectedIds, receivedIds);
        assertTrue(admin().listEvents(t.id(), 100, adminAuth()).getEvents().stream().anyMatch(e -> e.getType().equals("mail.retry")));
    }

    private void awaitOutbox(TestTenant t, java.util.function.Predicate<List<OutboxMessage>> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            List<OutboxMessage> messages = admin().listOutbox(t.id(), null, 100, adminAuth()).getMessages();
            if (!messages.isEmpty() && condition.test(messages)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("outbox never reached the expected state: " + admin().listOutbox(t.id(), null, 100, adminAuth()));
    }
}
