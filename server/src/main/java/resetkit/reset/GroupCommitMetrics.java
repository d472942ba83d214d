package resetkit.reset;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * resetkit_reset_commit_batch_size: requests stored per transaction; resetkit_reset_commit_wait_seconds:
 * how long a request waited for its commit (queue and transaction), with buckets up to a second.
 */
@Singleton
class GroupCommitMetrics {
    private final DistributionSummary batchSize;
    private final Timer wait;

    GroupCommitMetrics(MeterRegistry registry) {
        this.batchSize = DistributionSummary.builder("resetkit.reset.commit.batch.size")
                .description("Reset requests stored by one transaction")
                .register(registry);
        this.wait = Timer.builder("resetkit.reset.commit.wait")
                .description("Time a reset request waited for its writes to be committed")
                .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
                        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofSeconds(1))
                .register(registry);
    }

    void batch(int size) {
        batchSize.record(size);
    }

    void waited(long nanos) {
        wait.record(Duration.ofNanos(nanos));
    }
}
