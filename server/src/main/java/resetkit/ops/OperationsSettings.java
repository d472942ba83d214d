package resetkit.ops;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * Health checks: how long the SMTP probe may take, the outbox backlog that counts as a warning, and
 * how long a check's result is reused before /health runs it again.
 */
@ConfigurationProperties("resetkit.health")
public class OperationsSettings {
    private Duration smtpTimeout = Duration.ofSeconds(2);
    private long outboxBacklogWarning = 1000;
    private Duration cacheFor = Duration.ofSeconds(2);

    public Duration getCacheFor() {
        return cacheFor;
    }

    public void setCacheFor(Duration cacheFor) {
        this.cacheFor = cacheFor;
    }

    public Duration getSmtpTimeout() {
        return smtpTimeout;
    }

    public void setSmtpTimeout(Duration smtpTimeout) {
        this.smtpTimeout = smtpTimeout;
    }

    public long getOutboxBacklogWarning() {
        return outboxBacklogWarning;
    }

    public void setOutboxBacklogWarning(long outboxBacklogWarning) {
        this.outboxBacklogWarning = outboxBacklogWarning;
    }
}
