package resetkit.mail;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import resetkit.client.model.OutboxMessage;
import resetkit.client.model.OutboxStatus;
import resetkit.client.model.PasswordResetRequest;
import resetkit.testing.IntegrationTest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mails this process commits go out without waiting for a poll: with the poll an hour away, every
 * requested mail still arrives at once, exactly once, and its row ends sent and unclaimed.
 */
@MicronautTest(transactional = false)
class HandOffTest extends IntegrationTest {
    private static final int REQUESTS = 20;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("resetkit.mail.poll-interval", "1h");
    }

    @Test
    void committedMailsAreSentWithoutAPoll() throws Exception {
        TestTenant t = newTenant("handoff@example.com", "the old password 1");
        for (int i = 0; i < REQUESTS; i++) {
            resets().requestPasswordReset(new PasswordResetRequest().identifier(t.email()), bearer(t.apiKey()));
        }
        mailbox.awaitMessage(t.email(), REQUESTS, Duration.ofSeconds(10));
        List<OutboxMessage> rows = awaitAllSent(t);
        assertEquals(REQUESTS, rows.size());
        Thread.sleep(300);
        assertEquals(REQUESTS, mailbox.to(t.email()).size(), "each mail exactly once");
        assertTrue(rows.stream().allMatch(m -> m.getAttempts() == 1), "sent at the first attempt: " + rows);
        long delivered = admin().listEvents(t.id(), 100, adminAuth()).getEvents().stream()
                .filter(e -> e.getType().equals("mail.delivered")).count();
        assertEquals(REQUESTS, delivered);
    }

    private List<OutboxMessage> awaitAllSent(TestTenant t) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<OutboxMessage> rows = List.of();
        while (System.nanoTime() < deadline) {
            rows = admin().listOutbox(t.id(), null, 100, adminAuth()).getMessages();
            if (rows.size() == REQUESTS && rows.stream().allMatch(m -> m.getStatus() == OutboxStatus.SENT)) {
                return rows;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not all sent: " + rows);
    }
}
