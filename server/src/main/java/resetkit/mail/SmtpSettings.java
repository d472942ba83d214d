package resetkit.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/** The SMTP relay (RESETKIT_SMTP_*). While no host is set, mails go to the drop folder instead. */
@ConfigurationProperties("resetkit.smtp")
public class SmtpSettings {
    @Nullable
    private String host;
    private int port = 25;
    @Nullable
    private String username;
    @Nullable
    private String password;
    private boolean starttls;
    private Duration timeout = Duration.ofSeconds(10);
    private boolean chunking = true;

    @Nullable
    public String getHost() {
        return host;
    }

    public void setHost(@Nullable String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    @Nullable
    public String getUsername() {
        return username;
    }

    public void setUsername(@Nullable String username) {
        this.username = username;
    }

    @Nullable
    public String getPassword() {
        return password;
    }

    public void setPassword(@Nullable String password) {
        this.password = password;
    }

    public boolean isStarttls() {
        return starttls;
    }

    public void setStarttls(boolean starttls) {
        this.starttls = starttls;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Whether a mail goes as one BDAT chunk (RFC 3030 CHUNKING) where the relay offers it, so that
     * with PIPELINING its sender, recipient, chunk and content leave in one write and are answered
     * in one round trip instead of two ({@link PipeliningSmtpTransport}); false always uses DATA.
     */
    public boolean isChunking() {
        return chunking;
    }

    public void setChunking(boolean chunking) {
        this.chunking = chunking;
    }
}
