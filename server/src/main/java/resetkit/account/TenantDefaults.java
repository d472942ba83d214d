package resetkit.account;

import io.micronaut.context.annotation.ConfigurationProperties;

/** Defaults for tenants that do not choose their own values. */
@ConfigurationProperties("resetkit.tenant-defaults")
public class TenantDefaults {
    private int tokenTtlSeconds = 3600;
    private int minPasswordLength = 12;

    public int getTokenTtlSeconds() {
        return tokenTtlSeconds;
    }

    public void setTokenTtlSeconds(int tokenTtlSeconds) {
        this.tokenTtlSeconds = tokenTtlSeconds;
    }

    public int getMinPasswordLength() {
        return minPasswordLength;
    }

    public void setMinPasswordLength(int minPasswordLength) {
        this.minPasswordLength = minPasswordLength;
    }
}
