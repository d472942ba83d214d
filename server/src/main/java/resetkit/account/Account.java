package resetkit.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A user of a tenant. Emails are stored lower-case so lookups are case-insensitive on every database. */
@MappedEntity("account")
public record Account(
        @Id String id,
        String tenantId,
        String email,
        @Nullable String username,
        @Nullable String externalId,
        @Nullable String passwordHash,
        @Nullable String locale,
        Instant createdAt,
        @Nullable Instant passwordChangedAt) {
}
