package resetkit.account;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** What an operator chooses when creating a tenant; absent values take the configured defaults. */
public record TenantSettings(
        String id,
        String name,
        List<String> allowedRedirectUrls,
        @Nullable Integer tokenTtlSeconds,
        @Nullable Integer minPasswordLength,
        @Nullable String mailFrom) {
}
