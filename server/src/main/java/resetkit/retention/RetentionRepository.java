package resetkit.retention;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import resetkit.audit.AuditEvent;

import java.time.Instant;

/**
 * Batched deletes, each served by an index on its time column (V50). DELETE ... LIMIT runs on
 * MySQL/MariaDB and on H2 in MySQL mode.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface RetentionRepository extends GenericRepository<AuditEvent, String> {

    @Query("DELETE FROM reset_flow WHERE expires_at < :before LIMIT :limit")
    int deleteFlowsExpiredBefore(Instant before, int limit);

    @Query("DELETE FROM outbox_message WHERE status = 'SENT' AND sent_at < :before LIMIT :limit")
    int deleteMailSentBefore(Instant before, int limit);

    @Query("DELETE FROM audit_event WHERE created_at < :before LIMIT :limit")
    int deleteEventsBefore(Instant before, int limit);

    @Query("DELETE FROM rate_limit_counter WHERE window_start < :before LIMIT :limit")
    int deleteCountersBefore(Instant before, int limit);
}
