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

/** A message that keeps failing is parked after the last attempt: kept and visible, never dropped. */
@MicronautTest(transactional = false)
class OutboxParkingTest extends IntegrationTest {

    @Override
    protected boolean startMailbox() {
        return false;
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("resetkit.mail.first-retry-delay", "50ms", "resetkit.mail.max-retry-delay", "100ms",
                "resetkit.mail.max-attempts", "3", "resetkit.smtp.timeout", "500ms");
    }

    @Test
    void aMessageThatKeepsFailingIsParkedAndStaysVisible() throws Exception {
        TestTenant t = newTenant("parked@example.com", "the old password 1");
        resets().requestPasswordReset(new PasswordResetRequest().identifier(t.email()), bearer(t.apiKey()));

        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        List<OutboxMessage> parked = List.of();
        while (parked.isEmpty() && System.nanoTime() < deadline) {
            parked = admin().listOutbox(t.id(), OutboxStatus.PARKED, 10, adminAuth()).getMessages();
            Thread.sleep(50);
        }
        assertEquals(1, parked.size());
        assertEquals(3, parked.get(0).getAttempts());
        assertTrue(parked.get(0).getLastError() != null && !parked.get(0).getLastError().isBlank());
        assertTrue(admin().listEvents(t.id(), 100, adminAuth()).getEvents().stream().anyMatch(e -> e.getType().equals("mail.parked")));

        mailbox.start();
        Thread.sleep(500);
        assertEquals(0, mailbox.to(t.email()).size(), "a parked message waits for an operator");
        assertEquals(1, admin().listOutbox(t.id(), OutboxStatus.PARKED, 10, adminAuth()).getMessages().size());
    }
}
