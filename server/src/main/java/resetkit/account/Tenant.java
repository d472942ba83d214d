package resetkit.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A customer of resetkit: owns API keys, accounts, the redirect allow-list and its reset policy. */
@MappedEntity("tenant")
public record Tenant(
        @Id String id,
        String name,
        String allowedRedirectUrls,
        int tokenTtlSeconds,
        int minPasswordLength,
        @Nullable String mailFrom,
        Instant createdAt,
        @Nullable Integer limitPerIdentifier,
        @Nullable Integer limitPerIp,
        @Nullable Integer limitPerTenant) {

    static final String URL_SEPARATOR = "\n";

    public List<String> redirectUrls() {
        if (allowedRedirectUrls == null || allowedRedirectUrls.isBlank()) {
            return List.of();
        }
        return Arrays.stream(allowedRedirectUrls.split(URL_SEPARATOR)).filter(s -> !s.isBlank()).toList();
    }

    public static String joinUrls(List<String> urls) {
        return urls == null ? "" : String.join(URL_SEPARATOR, urls);
    }
}
