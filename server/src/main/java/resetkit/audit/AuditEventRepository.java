package resetkit.audit;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AuditEventRepository extends CrudRepository<AuditEvent, String> {

    @Query("SELECT * FROM audit_event WHERE tenant_id = :tenantId ORDER BY created_at DESC, id DESC LIMIT :limit")
    List<AuditEvent> findNewest(String tenantId, int limit);
}
