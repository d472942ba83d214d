package resetkit.reset;

import io.micronaut.context.annotation.ConfigurationProperties;

/** How reset requests share commits; see {@link GroupCommit}. */
@ConfigurationProperties("resetkit.reset.group-commit")
public class GroupCommitSettings {
    /** Threads that write batches; each holds one database connection while it writes. */
    private int committers = 2;
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
