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
            + "AND (claimed_until IS NULL OR claimed_until < :now) ORDER BY next_attempt_at, seq LIMIT :limit")
    List<String> findDueIds(Instant now, int limit);

    /**
     * A lease on a whole batch in one statement: each row is taken only if it is still due and
     * unclaimed when its row lock is held, so of several workers only one gets a given message.
     * {@code claim} is unique per batch; {@link #findClaimed} then reads which of {@code ids} this batch got.
     */
    @Query("UPDATE outbox_message SET claimed_by = :claim, claimed_until = :until WHERE id IN (:ids) "
            + "AND status = 'PENDING' AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until < :now)")
    int claimAll(List<String> ids, String claim, Instant until, Instant now);

    @Query("SELECT * FROM outbox_message WHERE id IN (:ids) AND claimed_by = :claim AND status = 'PENDING'")
    List<OutboxMessage> findClaimed(List<String> ids, String claim);

    @Query("UPDATE outbox_message SET status = 'SENT', sent_at = :now, sealed_body = '', attempts = attempts + 1, claimed_by = NULL, claimed_until = NULL, last_error = NULL "
            + "WHERE id IN (:ids) AND claimed_by IN (:claims)")
    int markAllSent(List<String> ids, List<String> claims, Instant now);

    /** Gives back what batches claimed but did not try (the server is stopping). */
    @Query("UPDATE outbox_message SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by IN (:claims) AND status = 'PENDING'")
    int release(List<String> claims);

    @Query("UPDATE outbox_message SET status = :status, attempts = :attempts, next_attempt_at = :nextAttemptAt, "
            + "last_error = :error, claimed_by = NULL, claimed_until = NULL WHERE id = :id AND claimed_by = :worker")
    int markFailed(String id, String worker, OutboxStatus status, int attempts, Instant nextAttemptAt, String error);

    @Query("SELECT * FROM outbox_message WHERE tenant_id = :tenantId ORDER BY seq LIMIT :limit")
    List<OutboxMessage> findOldest(String tenantId, int limit);

    @Query("SELECT * FROM outbox_message WHERE tenant_id = :tenantId AND status = :status ORDER BY seq LIMIT :limit")
    List<OutboxMessage> findOldestWithStatus(String tenantId, OutboxStatus status, int limit);

    long countByStatus(OutboxStatus status);
}
