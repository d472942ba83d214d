package resetkit.mail;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** Outbox delivery: sender, polling, retries and the development drop folder. */
@ConfigurationProperties("resetkit.mail")
public class MailSettings {
    private String from = "resetkit@localhost";
    private Duration pollInterval = Duration.ofMillis(500);
    private int batchSize = 300;
    /** SMTP connections a batch is sent over in parallel (one recipient's mails always share one). */
    private int connections = 8;
    private int maxAttempts = 8;
    private Duration firstRetryDelay = Duration.ofSeconds(5);
    private Duration maxRetryDelay = Duration.ofHours(1);
    private Duration claimLease = Duration.ofMinutes(2);
    /** how long the worker gathers mails handed over after their commit before sending them (one "sent" commit for many) */
    private Duration handOffGather = Duration.ofMillis(10);
    private String dropDir = "mail-drop";

    /** The tenant's own sender address, else the configured one. */
    public String senderFor(String tenantMailFrom) {
        return tenantMailFrom != null && !tenantMailFrom.isBlank() ? tenantMailFrom : from;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public int getConnections() {
        return connections;
    }

    public void setConnections(int connections) {
        this.connections = connections;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Duration getFirstRetryDelay() {
        return firstRetryDelay;
    }

    public void setFirstRetryDelay(Duration firstRetryDelay) {
        this.firstRetryDelay = firstRetryDelay;
    }

    public Duration getMaxRetryDelay() {
        return maxRetryDelay;
    }

    public void setMaxRetryDelay(Duration maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }

    public Duration getHandOffGather() {
        return handOffGather;
    }

    public void setHandOffGather(Duration handOffGather) {
        this.handOffGather = handOffGather;
    }

    public Duration getClaimLease() {
        return claimLease;
    }

    public void setClaimLease(Duration claimLease) {
        this.claimLease = claimLease;
    }

    public String getDropDir() {
        return dropDir;
    }

    public void setDropDir(String dropDir) {
        this.dropDir = dropDir;
    }
}
