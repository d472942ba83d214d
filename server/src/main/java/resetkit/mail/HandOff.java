package resetkit.mail;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * Mails committed by this process, passed straight to {@link OutboxWorker} instead of waiting for
 * its next poll. Their rows are inserted already claimed (with the usual lease), so no other worker
 * takes them and this one need not claim and read them back; if this process dies before they are
 * sent, the lease runs out and any instance's poll sends them.
 *
 * <p>Until the worker has started, when too many mails are waiting here, or once the worker is
 * stopping, new mails are not claimed and take the poll's path.
 */
@Singleton
public class HandOff {
    private final String instance = "h-" + UUID.randomUUID();
    private final int limit;
    private final Deque<PreparedMail> waiting = new ArrayDeque<>();
    private long claims;
    /** claims whose transaction has not ended yet: closing waits for them, so none is stranded */
    private int open;
    private boolean started;
    private boolean closed;

    HandOff(MailSettings settings) {
        this.limit = Math.max(1, settings.getBatchSize() * 4);
    }

    /** A claim for mails about to be inserted in a transaction, or null: leave them to the poll. */
    synchronized @Nullable String claim() {
        if (!started || closed || waiting.size() >= limit) {
            return null;
        }
        open++;
        return instance + "-" + (++claims);
    }

    /** The worker is there to take mails: claims start. */
    synchronized void start() {
        started = true;
    }

    /** The transaction that stored the claimed mails has committed. */
    synchronized void committed(List<PreparedMail> mails) {
        open--;
        waiting.addAll(mails);
        notifyAll();
    }

    /** The transaction that would have stored the claimed mails rolled back: they do not exist. */
    synchronized void rolledBack() {
        open--;
        notifyAll();
    }

    /**
     * Waits up to {@code wait} for a first mail, then {@code gather} for more (so that one commit
     * marks many sent), and returns at most {@code max}; empty when nothing came or when closed.
     */
    synchronized List<PreparedMail> take(int max, Duration wait, Duration gather) throws InterruptedException {
        awaitUntil(() -> !waiting.isEmpty() || closed, wait);
        if (closed || waiting.isEmpty()) {
            return List.of();
        }
        awaitUntil(() -> waiting.size() >= max || closed, gather);
        return drain(max);
    }

    /**
     * Takes no more claims and returns what is waiting, including the mails of transactions still
     * committing (waited for at most {@code wait}); the caller gives their claims back.
     */
    synchronized List<PreparedMail> close(Duration wait) throws InterruptedException {
        closed = true;
        notifyAll();
        awaitUntil(() -> open == 0, wait);
        return drain(Integer.MAX_VALUE);
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private List<PreparedMail> drain(int max) {
        List<PreparedMail> taken = new ArrayList<>(Math.min(max, waiting.size()));
        while (taken.size() < max && !waiting.isEmpty()) {
            taken.add(waiting.poll());
        }
        return taken;
    }

    private void awaitUntil(java.util.function.BooleanSupplier done, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        long left;
        while (!done.getAsBoolean() && (left = deadline - System.nanoTime()) > 0) {
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
