package resetkit.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("audit_event")
public record AuditEvent(
        @Id String id,
        String tenantId,
        String type,
        @Nullable String flowId,
        @Nullable String accountId,
        @Nullable String detail,
        Instant createdAt) {
}
