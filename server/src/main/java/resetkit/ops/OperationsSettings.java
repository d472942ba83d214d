package resetkit.ops;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** Health checks: how long the SMTP probe may take, and the outbox backlog that counts as a warning. */
@ConfigurationProperties("resetkit.health")
public class OperationsSettings {
    private Duration smtpTimeout = Duration.ofSeconds(2);
    private long outboxBacklogWarning = 1000;

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
