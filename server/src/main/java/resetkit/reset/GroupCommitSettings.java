package resetkit.reset;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** How reset requests share commits; see {@link GroupCommit}. */
@ConfigurationProperties("resetkit.reset.group-commit")
public class GroupCommitSettings {
    /**
     * Threads that write batches; each holds one database connection while it writes. One by
     * default: with rate limits on, every batch updates its tenant's counter, so a second committer
     * mostly waits for the first one's commit, and splitting the queue between them makes smaller
     * batches that cost more per request.
     */
    private int committers = 1;
    /** Most requests stored by one transaction. */
    private int maxBatch = 64;
    /**
     * Longest a committer keeps one connection, in manual-commit mode, for batch after batch; zero
     * takes a pool connection, in its autocommit mode, for each batch. Bounded so the pool can
     * retire the connection at its maximum lifetime.
     */
    private Duration holdConnection = Duration.ofSeconds(10);
    /**
     * How long a committer holding a connection waits for the next request before returning it:
     * shorter than the pool's keep-alive bypass window (500 ms), so a connection that waited is not
     * one the pool would have checked before lending it.
     */
    private Duration holdWhileIdle = Duration.ofMillis(100);

    public int getCommitters() {
        return committers;
    }

    public void setCommitters(int committers) {
        this.committers = Math.max(1, committers);
    }

    public int getMaxBatch() {
        return maxBatch;
    }

    public void setMaxBatch(int maxBatch) {
        this.maxBatch = Math.max(1, maxBatch);
    }

    public Duration getHoldConnection() {
        return holdConnection;
    }

    public void setHoldConnection(Duration holdConnection) {
        this.holdConnection = holdConnection.isNegative() ? Duration.ZERO : holdConnection;
    }

    public Duration getHoldWhileIdle() {
        return holdWhileIdle;
    }

    public void setHoldWhileIdle(Duration holdWhileIdle) {
        this.holdWhileIdle = holdWhileIdle.isNegative() ? Duration.ZERO : holdWhileIdle;
    }
}
