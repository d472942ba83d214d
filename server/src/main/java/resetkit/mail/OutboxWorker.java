package resetkit.mail;

import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import resetkit.audit.AuditLog;

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
 * Delivers due outbox messages: claims a batch with a lease (safe with several instances on one
 * database), sends it over reused SMTP connections, marks the sent ones in one commit; on failure
 * retries with exponential backoff and parks a message after its last attempt. A crash between the
 * SMTP accept and the "sent" mark sends the batch's messages again once their lease ends:
 * delivery is at least once.
 *
 * <p>On a graceful shutdown (SIGTERM) the worker finishes the message each connection is sending,
 * marks what was sent, releases the rest, and claims nothing more, so that no message is left
 * claimed-but-unsent for the next start.
 */
@Singleton
public class OutboxWorker implements GracefulShutdownCapable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

    private final OutboxRepository messages;
    private final BodySealer sealer;
    private final ResetMailComposer composer;
    private final MailTransport transport;
    private final MailSettings settings;
    private final AuditLog audit;
    private final Clock clock;
    private final DeliveryMetrics metrics;
    private final OutboxReceipts receipts;
    private final String workerId = "w-" + UUID.randomUUID();
    private final AtomicLong batches = new AtomicLong();
    private final ExecutorService senders;
    private final AtomicBoolean stopping = new AtomicBoolean();
    /** held while a batch is delivered: a graceful shutdown waits for it */
    private final ReentrantLock delivering = new ReentrantLock();

    OutboxWorker(OutboxRepository messages, BodySealer sealer, ResetMailComposer composer, MailTransport transport, MailSettings settings,
                 AuditLog audit, OutboxReceipts receipts, Clock clock, DeliveryMetrics metrics) {
        this.receipts = receipts;
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
    }

    @Scheduled(fixedDelay = "${resetkit.mail.poll-interval:500ms}", initialDelay = "1s")
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
            messages.claimAll(due, claim, now.plus(settings.getClaimLease()), now);
            List<OutboxMessage> batch = inOrderOf(due, messages.findClaimed(due, claim));
            claimed = batch.size();
            sent += deliverBatch(claim, batch);
        } while (claimed == settings.getBatchSize() && !stopping.get());
        return sent;
    }

    /** Oldest first, as they were due: mails of one account arrive in the order they were requested. */
    private static List<OutboxMessage> inOrderOf(List<String> due, List<OutboxMessage> claimed) {
        Map<String, OutboxMessage> byId = new HashMap<>();
        claimed.forEach(m -> byId.put(m.id(), m));
        return due.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /**
     * The batch goes out over up to {@code connections} SMTP connections in parallel (delivery is
     * mostly waiting for the relay's answers); one recipient's mails share a connection, so they
     * keep their order. One commit records all receipts.
     */
    private int deliverBatch(String claim, List<OutboxMessage> batch) {
        List<OutboxMessage> sent = Collections.synchronizedList(new ArrayList<>(batch.size()));
        int lanes = Math.max(1, Math.min(settings.getConnections(), batch.size()));
        List<List<OutboxMessage>> byLane = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            byLane.add(new ArrayList<>());
        }
        batch.forEach(m -> byLane.get(Math.floorMod(m.recipient().hashCode(), lanes)).add(m));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (List<OutboxMessage> lane : byLane.subList(1, lanes)) {
                running.add(senders.submit(() -> deliverLane(claim, lane, sent)));
            }
            deliverLane(claim, byLane.get(0), sent);
            for (Future<?> lane : running) {
                awaitLane(lane);
            }
        } finally {
            receipts.delivered(claim, List.copyOf(sent), clock.instant());
            if (sent.size() < batch.size()) {
                messages.release(claim);
            }
        }
        return sent.size();
    }

    private void deliverLane(String claim, List<OutboxMessage> lane, List<OutboxMessage> sent) {
        try (MailTransport.Batch connection = transport.openBatch()) {
            for (OutboxMessage message : lane) {
                if (stopping.get()) {
                    break;
                }
                if (deliver(connection, claim, message)) {
                    sent.add(message);
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

    private boolean deliver(MailTransport.Batch connection, String claim, OutboxMessage message) {
        long started = System.nanoTime();
        try {
            connection.send(new OutgoingMail(message.id(), message.sender(), message.recipient(), content(message)));
        } catch (Exception e) {
            boolean parked = recordFailure(claim, message, e);
            metrics.failed(message.kind(), Duration.ofNanos(System.nanoTime() - started), parked);
            return false;
        }
        metrics.sent(message.kind(), Duration.ofNanos(System.nanoTime() - started));
        return true;
    }

    private MailContent content(OutboxMessage message) {
        BodySealer.Sealed sealed = sealer.open(message.sealedBody());
        return sealed.draft() != null
                ? composer.render(sealed.draft(), message.subject())
                : new MailContent(message.subject(), sealed.text(), sealed.html());
    }

    /** Returns whether the message was parked (no further attempts). */
    private boolean recordFailure(String claim, OutboxMessage message, Exception e) {
        int attempts = message.attempts() + 1;
        boolean park = attempts >= settings.getMaxAttempts();
        Instant next = clock.instant().plus(backoff(attempts));
        String error = describe(e);
        messages.markFailed(message.id(), claim, park ? OutboxStatus.PARKED : OutboxStatus.PENDING, attempts, next, error);
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

    /** Claims nothing more; completes once the message being sent (if any) is sent and marked. */
    @Override
    public CompletionStage<?> shutdownGracefully() {
        stopping.set(true);
        return CompletableFuture.runAsync(() -> {
            delivering.lock();
            delivering.unlock();
        });
    }

    @Override
    public OptionalLong reportActiveTasks() {
        return OptionalLong.of(delivering.isLocked() ? 1 : 0);
    }

    @PreDestroy
    void stop() {
        stopping.set(true);
        // a shutdown without the graceful phase (tests, or it timed out): still let the current batch finish
        delivering.lock();
        delivering.unlock();
        senders.shutdown();
    }
}
