package resetkit.mail;

import io.micronaut.context.annotation.Context;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import resetkit.audit.AuditLog;
import resetkit.support.InLists;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Delivers outbox messages: those this process committed as they are handed over ({@link HandOff},
 * already claimed), and, by polling, any others that are due (retries, other instances' leases
 * that ran out), claimed a batch at a time with a lease (safe with several instances on one
 * database). A batch goes out over reused SMTP connections and the sent ones are marked in one
 * commit; on failure a message is retried with exponential backoff and parked after its last
 * attempt. A crash between the SMTP accept and the "sent" mark sends the batch's messages again
 * once their lease ends: delivery is at least once.
 *
 * <p>On a graceful shutdown (SIGTERM) the worker finishes the message each connection is sending,
 * marks what was sent, releases the rest, and claims nothing more, so that no message is left
 * claimed-but-unsent for the next start.
 */
@Context // created at start-up, not at its first poll: mails are handed to it from the first request on
public class OutboxWorker implements GracefulShutdownCapable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

    private final OutboxRepository messages;
    private final BodySealer sealer;
    /** built at the first delivery: the template engine and the mail session would slow start-up down */
    private final Provider<ResetMailComposer> composer;
    private final Provider<MailTransport> transport;
    private final MailSettings settings;
    private final AuditLog audit;
    private final Clock clock;
    private final DeliveryMetrics metrics;
    private final OutboxReceipts receipts;
    private final HandOff handOff;
    private final String workerId = "w-" + UUID.randomUUID();
    private final AtomicLong batches = new AtomicLong();
    private final ExecutorService senders;
    private final AtomicBoolean stopping = new AtomicBoolean();
    /** held while a batch is delivered: a graceful shutdown waits for it */
    private final ReentrantLock delivering = new ReentrantLock();

    OutboxWorker(OutboxRepository messages, BodySealer sealer, Provider<ResetMailComposer> composer, Provider<MailTransport> transport,
                 MailSettings settings, AuditLog audit, OutboxReceipts receipts, HandOff handOff, Clock clock, DeliveryMetrics metrics) {
        this.receipts = receipts;
        this.handOff = handOff;
        this.senders = Executors.newFixedThreadPool(Math.max(1, settings.getConnections() - 1), runnable -> {
            Thread thread = new Thread(runnable, "outbox-sender");
            thread.setDaemon(true);
            return thread;
        });
        this.messages = messages;
        this.sealer = sealer;
        this.composer = composer;
        this.transport = transport;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        this.metrics = metrics;
        Thread handOffLoop = new Thread(this::deliverHandedOver, "outbox-handoff");
        handOffLoop.setDaemon(true);
        handOffLoop.start();
        handOff.start();
    }

    /** Sends what this process committed, as it comes; ends when the hand-off closes. */
    private void deliverHandedOver() {
        while (true) {
            List<PreparedMail> mails;
            try {
                mails = handOff.take(settings.getBatchSize(), Duration.ofMillis(200), settings.getHandOffGather());
            } catch (InterruptedException e) {
                continue; // handed-over mails must not be stranded; only the hand-off closing ends the loop
            }
            if (mails.isEmpty()) {
                if (handOff.isClosed()) {
                    return;
                }
                continue;
            }
            delivering.lock();
            try {
                if (stopping.get()) {
                    release(mails);
                } else {
                    deliverBatch(mails);
                }
            } catch (RuntimeException e) {
                LOG.warn("Outbox hand-off delivery failed (the lease returns the mails to the poll): {}", e.toString());
            } finally {
                delivering.unlock();
            }
        }
    }

    @Scheduled(fixedDelay = "${resetkit.mail.poll-interval:500ms}", initialDelay = "${resetkit.mail.poll-interval:500ms}")
    void poll() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            LOG.warn("Outbox poll failed: {}", e.toString());
        }
    }

    /**
     * Delivers what is due now, batch after batch while batches come back full (so a backlog
     * drains at once instead of one batch per poll); returns how many messages were sent.
     */
    public int deliverDue() {
        delivering.lock();
        try {
            return stopping.get() ? 0 : deliverDueNow();
        } finally {
            delivering.unlock();
        }
    }

    private int deliverDueNow() {
        int sent = 0;
        int claimed;
        do {
            Instant now = clock.instant();
            List<String> due = messages.findDueIds(now, settings.getBatchSize());
            if (due.isEmpty() || stopping.get()) {
                break;
            }
            String claim = workerId + "-" + batches.incrementAndGet();
            List<String> dueShape = InLists.padded(due);
            messages.claimAll(dueShape, claim, now.plus(settings.getClaimLease()), now);
            List<PreparedMail> batch = inOrderOf(due, messages.findClaimed(dueShape, claim));
            claimed = batch.size();
            sent += deliverBatch(batch);
        } while (claimed == settings.getBatchSize() && !stopping.get());
        return sent;
    }

    /** Oldest first, as they were due: mails of one account arrive in the order they were requested. */
    private static List<PreparedMail> inOrderOf(List<String> due, List<OutboxMessage> claimed) {
        Map<String, OutboxMessage> byId = new HashMap<>();
        claimed.forEach(m -> byId.put(m.id(), m));
        return due.stream().map(byId::get).filter(Objects::nonNull).map(PreparedMail::stored).toList();
    }

    /**
     * The batch goes out over up to {@code connections} SMTP connections in parallel (delivery is
     * mostly waiting for the relay's answers); one recipient's mails share a connection, so they
     * keep their order. One commit records all receipts.
     */
    private int deliverBatch(List<PreparedMail> batch) {
        List<OutboxMessage> sent = Collections.synchronizedList(new ArrayList<>(batch.size()));
        int lanes = Math.max(1, Math.min(settings.getConnections(), batch.size()));
        List<List<PreparedMail>> byLane = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            byLane.add(new ArrayList<>());
        }
        batch.forEach(m -> byLane.get(Math.floorMod(m.message().recipient().hashCode(), lanes)).add(m));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (List<PreparedMail> lane : byLane.subList(1, lanes)) {
                running.add(senders.submit(() -> deliverLane(lane, sent)));
            }
            deliverLane(byLane.get(0), sent);
            for (Future<?> lane : running) {
                awaitLane(lane);
            }
        } finally {
            receipts.delivered(List.copyOf(sent), clock.instant());
            if (sent.size() < batch.size()) {
                release(batch);
            }
        }
        return sent.size();
    }

    /** Gives back the claims of mails not tried (the server is stopping), in one statement; failed ones were released when they failed. */
    private void release(List<PreparedMail> mails) {
        List<String> claims = mails.stream().map(m -> m.message().claimedBy()).filter(Objects::nonNull).distinct().toList();
        if (!claims.isEmpty()) {
            messages.release(InLists.padded(claims));
        }
    }

    private void deliverLane(List<PreparedMail> lane, List<OutboxMessage> sent) {
        try (MailTransport.Batch connection = transport.get().openBatch()) {
            for (PreparedMail mail : lane) {
                if (stopping.get()) {
                    break;
                }
                if (deliver(connection, mail)) {
                    sent.add(mail.message());
                }
            }
        }
    }

    private static void awaitLane(Future<?> lane) {
        try {
            lane.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("Outbox delivery lane failed: {}", e.getCause().toString());
        }
    }

    private boolean deliver(MailTransport.Batch connection, PreparedMail mail) {
        long started = System.nanoTime();
        OutboxMessage message = mail.message();
        try {
            connection.send(new OutgoingMail(message.id(), message.sender(), message.recipient(), content(mail)));
        } catch (Exception e) {
            boolean parked = recordFailure(message, e);
            metrics.failed(message.kind(), Duration.ofNanos(System.nanoTime() - started), parked);
            return false;
        }
        metrics.sent(message.kind(), Duration.ofNanos(System.nanoTime() - started));
        return true;
    }

    /** From the draft in memory (handed over), else from the row's seal (a draft, or an earlier row's rendered parts). */
    private MailContent content(PreparedMail mail) {
        OutboxMessage message = mail.message();
        MailDraft draft = mail.draft();
        if (draft == null) {
            BodySealer.Sealed sealed = sealer.open(message.sealedBody());
            if (sealed.draft() == null) {
                return new MailContent(message.subject(), sealed.text(), sealed.html());
            }
            draft = sealed.draft();
        }
        return composer.get().render(draft, message.subject());
    }

    /** Returns whether the message was parked (no further attempts). */
    private boolean recordFailure(OutboxMessage message, Exception e) {
        int attempts = message.attempts() + 1;
        boolean park = attempts >= settings.getMaxAttempts();
        Instant next = clock.instant().plus(backoff(attempts));
        String error = describe(e);
        messages.markFailed(message.id(), message.claimedBy(), park ? OutboxStatus.PARKED : OutboxStatus.PENDING, attempts, next, error);
        audit.record(message.tenantId(), park ? AuditLog.MAIL_PARKED : AuditLog.MAIL_RETRY, message.flowId(), null,
                message.kind() + " attempt " + attempts + ": " + error);
        LOG.warn("Mail {} attempt {} failed{}: {}", message.id(), attempts, park ? " (parked)" : "", error);
        return park;
    }

    /** first delay, doubled per attempt, capped. */
    Duration backoff(int attempts) {
        Duration delay = settings.getFirstRetryDelay();
        for (int i = 1; i < attempts && delay.compareTo(settings.getMaxRetryDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.getMaxRetryDelay()) > 0 ? settings.getMaxRetryDelay() : delay;
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return HeaderText.clean(text, 480);
    }

    /**
     * Claims nothing more; completes once the message being sent (if any) is sent and marked and
     * the claims of handed-over mails not sent are given back.
     */
    @Override
    public CompletionStage<?> shutdownGracefully() {
        stopping.set(true);
        return CompletableFuture.runAsync(this::finish);
    }

    @Override
    public OptionalLong reportActiveTasks() {
        return OptionalLong.of(delivering.isLocked() ? 1 : 0);
    }

    @PreDestroy
    void stop() {
        stopping.set(true);
        // a shutdown without the graceful phase (tests, or it timed out): still let the current batch finish
        finish();
        senders.shutdown();
    }

    private void finish() {
        delivering.lock();
        try {
            release(handOff.close(Duration.ofSeconds(5)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Could not give back the claims of unsent handed-over mails (their lease returns them): {}", e.toString());
        } finally {
            delivering.unlock();
        }
    }
}
