package resetkit.faults;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import resetkit.client.model.OutboxMessage;
import resetkit.client.model.OutboxStatus;
import resetkit.faults.DialectRequests.DialectRequest;
import resetkit.testing.IntegrationTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SMTP server is down while requests arrive in every dialect: each is accepted with its
 * documented success answer, delivery attempts fail and are retried, and once SMTP is back every
 * accepted request is mailed exactly once.
 */
@MicronautTest(environments = "demo", transactional = false)
class SmtpOutageAcrossDialectsTest extends IntegrationTest {
    private static final List<String> DEMO_TENANTS = List.of("demo", "org123", "zap-demo", "crux-demo", "tangerine", "maiascore");
    private static final int ROUNDS = 3;

    @Override
    protected boolean startMailbox() {
        return false;
    }

    @Override
    protected Map<String, String> extraProperties() {
        return quickMailRetries();
    }

    @Test
    void requestsOfEveryDialectAcceptedDuringTheOutageAreDeliveredOnce() throws Exception {
        Map<String, Integer> expected = new HashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (DialectRequest request : DialectRequests.ALL) {
                assertEquals(request.success(), request.send(server.getURL().toString()).statusCode(), request.dialect());
                expected.merge(request.recipient(), 1, Integer::sum);
            }
        }
        int total = expected.values().stream().mapToInt(Integer::intValue).sum();
        awaitOutbox(total, m -> m.getStatus() == OutboxStatus.PENDING && m.getAttempts() >= 2);
        assertTrue(mailbox.all().isEmpty());

        mailbox.start();
        for (Map.Entry<String, Integer> recipient : expected.entrySet()) {
            mailbox.awaitMessage(recipient.getKey(), recipient.getValue(), Duration.ofSeconds(20));
        }
        awaitOutbox(total, m -> m.getStatus() == OutboxStatus.SENT);
        Thread.sleep(500); // a duplicate, if any, would be sent by the next polls
        for (Map.Entry<String, Integer> recipient : expected.entrySet()) {
            assertEquals(recipient.getValue(), mailbox.to(recipient.getKey()).size(), "each request exactly once: " + recipient.getKey());
        }
        assertEquals(total, mailbox.all().size());
    }

    /** Waits until the demo tenants' outboxes hold {@code count} messages, all matching. */
    private void awaitOutbox(int count, java.util.function.Predicate<OutboxMessage> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<OutboxMessage> messages = List.of();
        while (System.nanoTime() < deadline) {
            messages = new ArrayList<>();
            for (String tenant : DEMO_TENANTS) {
                messages.addAll(admin().listOutbox(tenant, null, 500, adminAuth()).getMessages());
            }
            if (messages.size() == count && messages.stream().allMatch(condition)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("outbox never reached the expected state: " + messages);
    }
}
