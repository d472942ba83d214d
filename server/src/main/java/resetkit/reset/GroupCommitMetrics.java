package resetkit.reset;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * resetkit_reset_commit_batch_size: requests stored per transaction; resetkit_reset_commit_wait_seconds:
 * how long a request waited for its commit (queue and transaction), with buckets up to a second;
 * resetkit_reset_commit_connections_total: connections the committers took from the pool, one for
 * each run of batches they wrote on one held connection.
 */
@Singleton
class GroupCommitMetrics {
    private final DistributionSummary batchSize;
    private final Timer wait;
    private final Counter connections;

    GroupCommitMetrics(MeterRegistry registry) {
        this.batchSize = DistributionSummary.builder("resetkit.reset.commit.batch.size")
                .description("Reset requests stored by one transaction")
                .register(registry);
        this.wait = Timer.builder("resetkit.reset.commit.wait")
                .description("Time a reset request waited for its writes to be committed")
                .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
                        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofSeconds(1))
                .register(registry);
        this.connections = Counter.builder("resetkit.reset.commit.connections")
                .description("Connections the committers took from the pool, each kept for a run of batches")
                .register(registry);
    }

    void connectionTaken() {
        connections.increment();
    }

    void batch(int size) {
        batchSize.record(size);
    }

    void waited(long nanos) {
        wait.record(Duration.ofNanos(nanos));
    }
}
