package resetkit.retention;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import resetkit.audit.AuditEventRepository;
import resetkit.client.model.PasswordResetRequest;
import resetkit.mail.OutboxRepository;
import resetkit.mail.OutboxStatus;
import resetkit.ratelimit.RateLimitCounter;
import resetkit.ratelimit.RateLimitCounterRepository;
import resetkit.reset.FlowStatus;
import resetkit.reset.ResetFlow;
import resetkit.reset.ResetFlowRepository;
import resetkit.support.TimeOrderedIds;
import resetkit.testing.IntegrationTest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The retention purge deletes each kind of finished row once it is older than its window, in
 * batches (batch size 2 here, so every table needs several statements), and nothing younger.
 */
@MicronautTest(transactional = false)
class RetentionPurgeTest extends IntegrationTest {
    private static final Duration MAIL = Duration.ofSeconds(10);

    @Inject
    Purger purger;
    @Inject
    ResetFlowRepository flows;
    @Inject
    OutboxRepository outbox;
    @Inject
    AuditEventRepository events;
    @Inject
    RateLimitCounterRepository counters;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("resetkit.retention.batch-size", "2",
                "resetkit.retention.flows", "7d",
                "resetkit.retention.sent-mail", "3d",
                "resetkit.retention.audit-events", "30d",
                "resetkit.retention.rate-limit-counters", "1d");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void deletesEachKindOfRowAfterItsWindowInBatches() throws Exception {
        TestTenant t = newTenant("purge@example.com", "a fine password 1", "https://app.example.com/reset");
        for (int i = 0; i < 3; i++) {
            resets().requestPasswordReset(new PasswordResetRequest().identifier(t.email()), bearer(t.apiKey()));
        }
        mailbox.awaitMessage(t.email(), 3, MAIL);
        awaitAllSent(3);
        counters.save(new RateLimitCounter("k".repeat(64), t.id(), clock.instant(), 1));
        counters.save(new RateLimitCounter("j".repeat(64), t.id(), clock.instant(), 1));
        counters.save(new RateLimitCounter("i".repeat(64), t.id(), clock.instant(), 1));
        long eventCount = events.count();
        assertTrue(eventCount >= 6, "requested and delivered events: " + eventCount);

        assertEquals(new Purger.Purged(0, 0, 0, 0, 0), purger.purge(), "nothing is old yet");

        clock.advance(Duration.ofDays(2));
        assertEquals(new Purger.Purged(0, 0, 0, 0, 3), purger.purge(), "only the rate-limit counters (1 day)");

        clock.advance(Duration.ofDays(2));
        assertEquals(new Purger.Purged(0, 0, 3, 0, 0), purger.purge(), "sent mail after 3 days");
        assertEquals(3, flows.count());

        clock.advance(Duration.ofDays(4));
        assertEquals(new Purger.Purged(3, 0, 0, 0, 0), purger.purge(), "flows 7 days after their expiry");
        assertEquals(0, flows.count());
        assertEquals(0, outbox.count());
        assertEquals(eventCount, events.count());

        clock.advance(Duration.ofDays(30));
        Purger.Purged last = purger.purge();
        assertEquals(eventCount, last.auditEvents(), "events after 30 days");
        assertEquals(0, events.count());
    }

    @Test
    void keepsMailThatIsNotSentYetWhateverItsAge() {
        Instant created = clock.instant();
        outbox.save(new resetkit.mail.OutboxMessage("pending-0000-0000-0000-000000000001", "t-none", "reset", null,
                "nobody@example.com", "resetkit@localhost", "s", "", OutboxStatus.PARKED, 8, created,
                null, null, "parked", created, null));
        clock.advance(Duration.ofDays(365));
        assertEquals(0, purger.purge().sentMail());
        assertTrue(outbox.findById("pending-0000-0000-0000-000000000001").isPresent());
        outbox.deleteById("pending-0000-0000-0000-000000000001");
    }

    @Test
    void walksPastTheRowsItMustKeepAmongTheOldest() {
        // more rows to keep than a batch holds, mixed in key order with rows to delete
        Instant created = clock.instant();
        List<String> parked = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        String longLived = flow(created, created.plus(Duration.ofDays(20)));
        for (int i = 0; i < 3; i++) {
            parked.add(save(OutboxStatus.PARKED, created, null));
            sent.add(save(OutboxStatus.SENT, created, created));
        }
        String shortLived = flow(created, created.plus(Duration.ofHours(1)));
        String sentLate = save(OutboxStatus.SENT, created, created.plus(Duration.ofDays(5)));

        clock.advance(Duration.ofDays(4));
        assertEquals(new Purger.Purged(0, 0, 3, 0, 0), purger.purge(), "mail sent four days ago; the late one only yesterday");
        sent.forEach(id -> assertTrue(outbox.findById(id).isEmpty(), id));
        assertTrue(outbox.findById(sentLate).isPresent());

        clock.advance(Duration.ofDays(5));
        assertEquals(new Purger.Purged(1, 0, 1, 0, 0), purger.purge(), "the flow 9 days after its expiry, the late mail 4 days after it was sent");
        assertTrue(outbox.findById(sentLate).isEmpty());
        assertTrue(flows.findById(shortLived).isEmpty());
        assertTrue(flows.findById(longLived).isPresent(), "a flow made as long ago that has not expired stays");
        parked.forEach(id -> assertTrue(outbox.findById(id).isPresent(), "parked mail stays: " + id));
        parked.forEach(outbox::deleteById);
        flows.deleteById(longLived);
    }

    private String flow(Instant created, Instant expires) {
        String id = TimeOrderedIds.next();
        flows.save(new ResetFlow(id, "t-none", "a-none", "d".repeat(64), "c".repeat(64), FlowStatus.OPEN, 0, "test",
                created, expires, null, null));
        return id;
    }

    private String save(OutboxStatus status, Instant created, Instant sent) {
        String id = TimeOrderedIds.next();
        outbox.save(new resetkit.mail.OutboxMessage(id, "t-none", "reset", null, "nobody@example.com", "resetkit@localhost",
                "s", "", status, 8, created, null, null, null, created, sent));
        return id;
    }

    private void awaitAllSent(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + MAIL.toNanos();
        while (outbox.countByStatus(OutboxStatus.SENT) < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(expected, outbox.countByStatus(OutboxStatus.SENT));
    }
}
