package resetkit.retention;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * How long finished data is kept before {@link Purger} deletes it, in batches so no delete holds
 * many row locks or a long transaction. Each age counts from the row's own end time.
 */
@ConfigurationProperties("resetkit.retention")
public class RetentionSettings {
    private boolean enabled = true;
    /** Time between purge runs (also read by the schedule as resetkit.retention.interval). */
    private Duration interval = Duration.ofMinutes(10);
    /** Flows, counted from their expiry (open, used, revoked or locked alike). */
    private Duration flows = Duration.ofDays(7);
    /** Sent outbox rows (metadata only: a sent row's body is emptied at once), from their sending. */
    private Duration sentMail = Duration.ofDays(7);
    /** Audit events, from their creation. */
    private Duration auditEvents = Duration.ofDays(90);
    /** Rate-limit counters, from the start of their window. */
    private Duration rateLimitCounters = Duration.ofDays(1);
    /** Rows per DELETE statement. */
    private int batchSize = 1000;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getInterval() {
        return interval;
    }

    public void setInterval(Duration interval) {
        this.interval = interval;
    }

    public Duration getFlows() {
        return flows;
    }

    public void setFlows(Duration flows) {
        this.flows = flows;
    }

    public Duration getSentMail() {
        return sentMail;
    }

    public void setSentMail(Duration sentMail) {
        this.sentMail = sentMail;
    }

    public Duration getAuditEvents() {
        return auditEvents;
    }

    public void setAuditEvents(Duration auditEvents) {
        this.auditEvents = auditEvents;
    }

    public Duration getRateLimitCounters() {
        return rateLimitCounters;
    }

    public void setRateLimitCounters(Duration rateLimitCounters) {
        this.rateLimitCounters = rateLimitCounters;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }
}
