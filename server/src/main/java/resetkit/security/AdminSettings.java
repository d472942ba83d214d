package resetkit.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** RESETKIT_ADMIN_TOKEN. While unset, the admin API refuses every call. */
@ConfigurationProperties("resetkit.admin")
public class AdminSettings {
    @Nullable
    private String token;

    @Nullable
    public String getToken() {
        return token;
    }

    public void setToken(@Nullable String token) {
        this.token = token;
    }
}
