package resetkit.bootstrap;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** The shape of a RESETKIT_BOOTSTRAP file. */
@JsonIgnoreProperties(ignoreUnknown = false)
record BootstrapFile(List<TenantEntry> tenants) {

    record TenantEntry(
            String id,
            String name,
            @JsonProperty("api_key") String apiKey,
            @JsonProperty("allowed_redirect_urls") List<String> allowedRedirectUrls,
            @JsonProperty("token_ttl_seconds") Integer tokenTtlSeconds,
            @JsonProperty("min_password_length") Integer minPasswordLength,
            @JsonProperty("mail_from") String mailFrom,
            List<AccountEntry> accounts) {
    }

    record AccountEntry(
            String email,
            String username,
            @JsonProperty("external_id") String externalId,
            String password,
            String locale) {
    }
}
