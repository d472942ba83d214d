package resetkit.ratelimit;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * Global defaults of the reset-request limits (a tenant may override each count through the
 * admin API). RESETKIT_RATE_LIMIT_ENABLED=false switches them off, e.g. for benchmarks.
 */
@ConfigurationProperties("resetkit.rate-limit")
public class RateLimitSettings {
    private boolean enabled = true;
    /** Mails per identifier (as given, whether or not an account exists) per window. */
    private int perIdentifier = 5;
    private Duration identifierWindow = Duration.ofHours(1);
    /** Reset requests per client IP per window. */
    private int perIp = 30;
    private Duration ipWindow = Duration.ofHours(1);
    /** Reset requests per tenant per window. */
    private int perTenant = 100_000;
    private Duration tenantWindow = Duration.ofMinutes(1);
    /** Use the first X-Forwarded-For address as the client IP (only behind a trusted proxy). */
    private boolean trustForwardedFor;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getPerIdentifier() {
        return perIdentifier;
    }

    public void setPerIdentifier(int perIdentifier) {
        this.perIdentifier = perIdentifier;
    }

    public Duration getIdentifierWindow() {
        return identifierWindow;
    }

    public void setIdentifierWindow(Duration identifierWindow) {
        this.identifierWindow = identifierWindow;
    }

    public int getPerIp() {
        return perIp;
    }

    public void setPerIp(int perIp) {
        this.perIp = perIp;
    }

    public Duration getIpWindow() {
        return ipWindow;
    }

    public void setIpWindow(Duration ipWindow) {
        this.ipWindow = ipWindow;
    }

    public int getPerTenant() {
        return perTenant;
    }

    public void setPerTenant(int perTenant) {
        this.perTenant = perTenant;
    }

    public Duration getTenantWindow() {
        return tenantWindow;
    }

    public void setTenantWindow(Duration tenantWindow) {
        this.tenantWindow = tenantWindow;
    }

    public boolean isTrustForwardedFor() {
        return trustForwardedFor;
    }

    public void setTrustForwardedFor(boolean trustForwardedFor) {
        this.trustForwardedFor = trustForwardedFor;
    }
}
