package resetkit.account;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** An API key, stored only as its SHA-256 digest (keys are 256-bit random, so no salt or slow hash is needed). */
@MappedEntity("tenant_api_key")
public record TenantApiKey(@Id String keyDigest, String tenantId, Instant createdAt) {
}
