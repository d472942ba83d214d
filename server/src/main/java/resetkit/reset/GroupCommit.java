package resetkit.reset;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import resetkit.ratelimit.RateLimiter;
import resetkit.support.DatabaseOutage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit for reset requests. A request hands over its {@link ResetOrder} and waits for its future; a committer
 * thread takes everything queued since it last looked (no waiting for more) and stores it with
 * {@link ResetBatchWriter} in one transaction. Under load one durable commit serves many requests;
 * alone, a request is committed at once. Either way a request returns only after its own writes
 * are committed, and fails with the error that prevented them.
 *
 * <p>If a batch fails, its requests are retried one by one, so one bad request cannot fail others;
 * when the database is unreachable they all fail at once (answered 503 by the APIs).
 *
 * <p>While batches keep coming, a committer keeps one connection, in manual-commit mode, for them
 * all ({@link GroupCommitSettings#getHoldConnection()}). A transaction on one of the pool's
 * autocommit connections costs two extra round trips, {@code SET autocommit=0} before and
 * {@code SET autocommit=1} after; under load the committer is the bottleneck and spent 9% of its
 * time on them. The connection goes back to the pool once the queue stays empty for a moment, and
 * after any failure, so an outage meets a fresh connection and the pool's timeouts, as before.
 */
@Singleton
public class GroupCommit {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private final ResetBatchWriter writer;
    private final ConnectionOperations<Connection> connections;
    private final long holdNanos;
    private final long idleMillis;
    private final GroupCommitMetrics metrics;
    private final Executor blocking;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> committers = new ArrayList<>();
    private volatile boolean closing;

    private record Pending(ResetOrder order, CompletableFuture<OrderOutcome> done) {
    }

    GroupCommit(ResetBatchWriter writer, ConnectionOperations<Connection> connections, GroupCommitSettings settings,
                GroupCommitMetrics metrics, @Named(TaskExecutors.BLOCKING) Executor blocking) {
        this.writer = writer;
        this.connections = connections;
        this.holdNanos = settings.getHoldConnection().toNanos();
        this.idleMillis = settings.getHoldWhileIdle().toMillis();
        this.blocking = blocking;
        this.metrics = metrics;
        this.maxBatch = settings.getMaxBatch();
        for (int i = 0; i < settings.getCommitters(); i++) {
            Thread thread = new Thread(this::commitLoop, "reset-committer-" + i);
            thread.setDaemon(true);
            committers.add(thread);
            thread.start();
        }
    }

    /**
     * Queues the order to be counted and stored; the future completes, on the committer's thread,
     * once it is committed, with what it came to (or fails with what prevented it). Never blocks.
     */
    CompletableFuture<OrderOutcome> submit(ResetOrder order) {
        long queued = System.nanoTime();
        Pending pending = new Pending(order, new CompletableFuture<>());
        pending.done().whenComplete((outcome, failure) -> metrics.waited(System.nanoTime() - queued));
        queue.add(pending);
        // committers stop at shutdown: a request that arrives as they do is written by itself on a blocking thread
        if (closing && queue.remove(pending)) {
            blocking.execute(() -> commit(List.of(pending), null));
        }
        return pending.done();
    }

    private void commitLoop() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (true) {
            Pending first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue; // a waiting request must never be stranded; only close() ends the loop
            }
            if (first == null && closing) {
                // closing was set after any request that saw it unset had queued: one last look
                first = queue.poll();
                if (first == null) {
                    return;
                }
            }
            if (first != null) {
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                if (holdNanos > 0) {
                    commitOnHeldConnection(batch);
                } else {
                    commit(batch, null);
                }
                batch.clear();
            }
        }
    }

    /**
     * Commits {@code batch}, then every batch that follows while requests keep coming, on one
     * connection in manual-commit mode; returns it to the pool when the queue stays empty, after
     * the hold time (so the pool can retire it) or after a failed batch.
     */
    private void commitOnHeldConnection(List<Pending> batch) {
        try {
            connections.executeWrite(status -> {
                Connection held = status.getConnection();
                metrics.connectionTaken();
                manualCommit(held);
                long until = System.nanoTime() + holdNanos;
                while (commit(batch, held) && !closing && System.nanoTime() < until) {
                    batch.clear();
                    Pending next = pollWithin(idleMillis);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    queue.drainTo(batch, maxBatch - 1);
                }
                return null;
            });
        } catch (RuntimeException | Error e) {
            // no connection to be had, or it failed on its way back to the pool: what is still waiting fails with it
            batch.forEach(p -> p.done().completeExceptionally(e));
        }
    }

    private static void manualCommit(Connection connection) {
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new ConnectionException("could not start manual commit: " + e.getMessage(), e);
        }
    }

    private Pending pollWithin(long millis) {
        try {
            return queue.poll(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            return null; // the loop looks again, without the connection
        }
    }

    /**
     * Completes every request of the batch, written on {@code held} if there is one; false if the
     * batch failed (its requests may still have been written one by one).
     */
    private boolean commit(List<Pending> batch, @Nullable Connection held) {
        metrics.batch(batch.size());
        try {
            List<OrderOutcome> outcomes = write(batch.stream().map(Pending::order).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(outcomes.get(i));
            }
            return true;
        } catch (RuntimeException failure) {
            RuntimeException batchFailure = onHeld(failure, held);
            // alone, or without a database, a request cannot fare better: every one waiting would pay the connection timeout again
            if (batch.size() == 1 || DatabaseOutage.isCause(batchFailure)) {
                batch.forEach(p -> p.done().completeExceptionally(batchFailure));
                return false;
            }
            LOG.debug("a batch of {} reset requests failed; writing them one by one", batch.size(), batchFailure);
            for (Pending pending : batch) {
                try {
                    pending.done().complete(write(List.of(pending.order())).get(0));
                } catch (RuntimeException e) {
                    pending.done().completeExceptionally(onHeld(e, held));
                }
            }
            return false;
        } catch (Error e) {
            batch.forEach(p -> p.done().completeExceptionally(e));
            return false;
        }
    }

    /**
     * The failure of a write on {@code held}, as an outage if the pool closed that connection
     * because it broke (it does so on a connection error): what reaches us may then be only the
     * rollback's "connection is closed", which does not say that the database was lost.
     */
    private static RuntimeException onHeld(RuntimeException failure, @Nullable Connection held) {
        return lost(held) ? new ConnectionException("lost the database connection: " + failure.getMessage(), failure) : failure;
    }

    private static boolean lost(@Nullable Connection held) {
        try {
            return held != null && held.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** Retried when it lost the race to create a rate limit counter: a request that only did that must not fail. */
    private List<OrderOutcome> write(List<ResetOrder> orders) {
        return RateLimiter.retryingRaces(() -> writer.write(orders));
    }

    /** Writes what is queued, then lets the committers end. */
    @PreDestroy
    void close() throws InterruptedException {
        closing = true;
        for (Thread committer : committers) {
            committer.join(10_000);
        }
    }
}
