package resetkit.reset;

import io.micronaut.scheduling.TaskExecutors;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import resetkit.ratelimit.RateLimiter;
import resetkit.support.DatabaseOutage;

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
 */
@Singleton
public class GroupCommit {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private final ResetBatchWriter writer;
    private final GroupCommitMetrics metrics;
    private final Executor blocking;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> committers = new ArrayList<>();
    private volatile boolean closing;

    private record Pending(ResetOrder order, CompletableFuture<OrderOutcome> done) {
    }

    GroupCommit(ResetBatchWriter writer, GroupCommitSettings settings, GroupCommitMetrics metrics,
                @Named(TaskExecutors.BLOCKING) Executor blocking) {
        this.writer = writer;
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
            blocking.execute(() -> commit(List.of(pending)));
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
                commit(batch);
                batch.clear();
            }
        }
    }

    private void commit(List<Pending> batch) {
        metrics.batch(batch.size());
        try {
            List<OrderOutcome> outcomes = write(batch.stream().map(Pending::order).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(outcomes.get(i));
            }
        } catch (RuntimeException batchFailure) {
            // alone, or without a database, a request cannot fare better: every one waiting would pay the connection timeout again
            if (batch.size() == 1 || DatabaseOutage.isCause(batchFailure)) {
                batch.forEach(p -> p.done().completeExceptionally(batchFailure));
                return;
            }
            LOG.debug("a batch of {} reset requests failed; writing them one by one", batch.size(), batchFailure);
            for (Pending pending : batch) {
                try {
                    pending.done().complete(write(List.of(pending.order())).get(0));
                } catch (RuntimeException e) {
                    pending.done().completeExceptionally(e);
                }
            }
        } catch (Error e) {
            batch.forEach(p -> p.done().completeExceptionally(e));
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
