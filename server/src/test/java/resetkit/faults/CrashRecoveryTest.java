package resetkit.faults;

import org.junit.jupiter.api.Test;
import resetkit.testing.ServerProcess;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 while reset requests are in flight and the outbox worker is sending: after a restart on
 * the same database every request that was answered 2xx gets its mail. A message is mailed twice
 * only if it was accepted by SMTP before the kill and the kill came before the commit that marked
 * it sent (the messages of the batch being delivered at the kill).
 */
class CrashRecoveryTest {
    private static final int ACCOUNTS = 400;

    @Test
    void everyAcceptedRequestIsMailedAfterAKillAndRestart() throws Exception {
        try (ProcessFixture fixture = new ProcessFixture(ACCOUNTS)) {
            // a short lease: the message the killed worker had claimed is retried soon after the restart;
            // handed-over mails gathered for 300 ms, so that mails committed but not yet sent are there at the
            // kill however fast delivery is (with SMTP pipelining a mail was often sent and marked within
            // milliseconds of its commit, and the check below that the restart has work to do failed now and then)
            Map<String, String> env = Map.of("RESETKIT_MAIL_CLAIM_LEASE", "2s", "RESETKIT_MAIL_HAND_OFF_GATHER", "300ms");
            Set<String> accepted;
            Map<String, Integer> mailedBeforeKill;
            try (ServerProcess first = fixture.start(env); ResetLoad load = new ResetLoad(first.baseUrl(), ACCOUNTS, 4, Duration.ofMillis(50))) {
                load.awaitAccepted(40, Duration.ofSeconds(30));
                fixture.mailbox().awaitMessage(ProcessFixture.recipient(0), 1, Duration.ofSeconds(20));
                first.kill();
                mailedBeforeKill = mailsOnceSettled(fixture);
                load.awaitFailure(Duration.ofSeconds(10)); // the kill came while requests were still being sent
                load.stopAndAwait(Duration.ofSeconds(40));
                accepted = Set.copyOf(load.accepted());
            }
            assertTrue(accepted.size() >= 40);
            List<ProcessFixture.Row> afterKill = fixture.outbox();
            assertTrue(afterKill.stream().anyMatch(r -> r.status().equals("PENDING")),
                    "some accepted mails were not sent yet at the kill, so the restart has work to do");

            try (ServerProcess second = fixture.start(env)) {
                awaitAllMailed(fixture, accepted, second);
                Thread.sleep(1500); // the worker keeps polling: a late duplicate would arrive now
                second.terminate(Duration.ofSeconds(30));
            }

            List<ProcessFixture.Row> rows = fixture.outbox();
            Map<String, Long> rowsPerRecipient = rows.stream().collect(Collectors.groupingBy(ProcessFixture.Row::recipient, Collectors.counting()));
            for (String recipient : accepted) {
                assertEquals(1L, rowsPerRecipient.getOrDefault(recipient, 0L), "one outbox message per accepted request: " + recipient);
            }
            assertTrue(rows.stream().allMatch(r -> r.status().equals("SENT")), "every committed message was sent: " + rows);
            Map<String, Integer> perRecipient = fixture.mailsPerRecipient();
            for (String recipient : accepted) {
                assertTrue(perRecipient.getOrDefault(recipient, 0) >= 1, "mailed: " + recipient);
            }
            assertEquals(rows.size(), fixture.mailsPerToken().size(), "every outbox message, and nothing else, was mailed");

            Map<String, Integer> duplicates = new HashMap<>(fixture.mailsPerToken());
            duplicates.values().removeIf(count -> count == 1);
            // The window between an SMTP accept and the commit that marks it sent covers the batch being
            // delivered at the kill: only messages first sent before the kill may arrive again, once.
            for (Map.Entry<String, Integer> duplicate : duplicates.entrySet()) {
                assertEquals(2, duplicate.getValue());
                assertTrue(mailedBeforeKill.containsKey(duplicate.getKey()), "a duplicate was first sent before the kill");
            }
        }
    }

    /**
     * What the killed process sent: a mail whose last byte left it just before the kill may still
     * be being stored by the test's SMTP server, so the count must stop changing first.
     */
    private static Map<String, Integer> mailsOnceSettled(ProcessFixture fixture) throws InterruptedException {
        Map<String, Integer> seen = fixture.mailsPerToken();
        for (int quiet = 0; quiet < 10; quiet++) {
            Thread.sleep(100);
            Map<String, Integer> now = fixture.mailsPerToken();
            if (!now.equals(seen)) {
                seen = now;
                quiet = -1;
            }
        }
        return seen;
    }

    private static void awaitAllMailed(ProcessFixture fixture, Set<String> accepted, ServerProcess server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Integer> mailed = fixture.mailsPerRecipient();
            if (accepted.stream().allMatch(mailed::containsKey) && fixture.pendingCount(server) == 0) {
                return;
            }
            Thread.sleep(50);
        }
        Map<String, Integer> mailed = fixture.mailsPerRecipient();
        throw new AssertionError("not every accepted request was mailed after the restart: missing "
                + accepted.stream().filter(r -> !mailed.containsKey(r)).toList() + ", pending " + fixture.pendingCount(server)
                + "; server log:\n" + server.log());
    }
}
