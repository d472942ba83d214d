package resetkit.reset;

import io.micronaut.context.annotation.ConfigurationProperties;

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
}
