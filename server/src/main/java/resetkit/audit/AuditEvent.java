package resetkit.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import resetkit.support.RowInserter;

import java.time.Instant;
import java.util.List;

@MappedEntity("audit_event")
public record AuditEvent(
        @Id String id,
        String tenantId,
        String type,
        @Nullable String flowId,
        @Nullable String accountId,
        @Nullable String detail,
        Instant createdAt) {
    /** The columns a batch of events is inserted with ({@link RowInserter}). */
    static final RowInserter.Table<AuditEvent> TABLE = new RowInserter.Table<>("audit_event",
            List.of("id", "tenant_id", "type", "flow_id", "account_id", "detail", "created_at"),
            e -> new Object[] {e.id, e.tenantId, e.type, e.flowId, e.accountId, e.detail, e.createdAt});
}
