package resetkit.variant.tangerine;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The Tangerine365 dialect names no tenant in its request, so one is configured for it
 * (RESETKIT_VARIANTS_TANGERINE_TENANT). While unset, the dialect answers 503.
 */
@ConfigurationProperties("resetkit.variants.tangerine")
public class TangerineSettings {
    @Nullable
    private String tenant;

    @Nullable
    public String getTenant() {
        return tenant;
    }

    public void setTenant(@Nullable String tenant) {
        this.tenant = tenant;
    }
}
