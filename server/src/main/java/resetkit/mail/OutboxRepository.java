package resetkit.mail;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface OutboxRepository extends CrudRepository<OutboxMessage, String> {

    @Query("SELECT id FROM outbox_message WHERE status = 'PENDING' AND next_attempt_at <= :now "
            + "AND (claimed_until IS NULL OR claimed_until < :now) ORDER BY next_attempt_at LIMIT :limit")
    List<String> findDueIds(Instant now, int limit);

    /** A lease: of several workers (or instances) only one gets 1 for a message. */
    @Query("UPDATE outbox_message SET claimed_by = :worker, claimed_until = :until WHERE id = :id "
            + "AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < :now)")
    int claim(String id, String worker, Instant until, Instant now);

    /** A sent message keeps its metadata but drops its sealed body: the secrets in it are no longer needed. */
    @Query("UPDATE outbox_message SET status = 'SENT', sent_at = :now, sealed_body = '', attempts = attempts + 1, claimed_by = NULL, claimed_until = NULL, last_error = NULL "
            + "WHERE id = :id AND claimed_by = :worker")
    int markSent(String id, String worker, Instant now);

    @Query("UPDATE outbox_message SET status = :status, attempts = :attempts, next_attempt_at = :nextAttemptAt, "
            + "last_error = :error, claimed_by = NULL, claimed_until = NULL WHERE id = :id AND claimed_by = :worker")
    int markFailed(String id, String worker, OutboxStatus status, int attempts, Instant nextAttemptAt, String error);

    @Query("SELECT * FROM outbox_message WHERE tenant_id = :tenantId ORDER BY created_at, id LIMIT :limit")
    List<OutboxMessage> findOldest(String tenantId, int limit);

    @Query("SELECT * FROM outbox_message WHERE tenant_id = :tenantId AND status = :status ORDER BY created_at, id LIMIT :limit")
    List<OutboxMessage> findOldestWithStatus(String tenantId, OutboxStatus status, int limit);

    long countByStatus(OutboxStatus status);
}
