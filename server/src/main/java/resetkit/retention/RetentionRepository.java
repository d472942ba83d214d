package resetkit.retention;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import resetkit.audit.AuditEvent;

import java.time.Instant;
import java.util.List;

/**
 * One purge batch is a SELECT of the oldest ids, then a DELETE by primary key. Flows, outbox rows
 * and audit events, whose ids are time-ordered, are walked in key order, below the first id of
 * their cutoff time, and the DELETE keeps those that must stay (a flow that expires later, mail
 * not sent or sent later than the cutoff): so no index on their time column is written with every
 * row. Counters are found through the index on their window's start (the ORDER BY makes the
 * optimiser take it). All run the same on MySQL/MariaDB and H2.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface RetentionRepository extends GenericRepository<AuditEvent, String> {

    /** The next flows after {@code after} in key order, up to {@code below}: whatever their expiry. */
    @Query("SELECT id FROM reset_flow WHERE id > :after AND id < :below ORDER BY id LIMIT :limit")
    List<String> findFlowsAfter(String after, String below, int limit);

    @Query("DELETE FROM reset_flow WHERE id IN (:ids) AND expires_at < :before")
    int deleteFlowsExpiredBefore(List<String> ids, Instant before);

    /** The next outbox rows after {@code after} in key order, up to {@code below}: whatever their status. */
    @Query("SELECT id FROM outbox_message WHERE id > :after AND id < :below ORDER BY id LIMIT :limit")
    List<String> findMailAfter(String after, String below, int limit);

    @Query("DELETE FROM outbox_message WHERE id IN (:ids) AND status = 'SENT' AND sent_at < :before")
    int deleteMailSentBefore(List<String> ids, Instant before);

    @Query("SELECT id FROM audit_event WHERE id > :after AND id < :below ORDER BY id LIMIT :limit")
    List<String> findEventsAfter(String after, String below, int limit);

    @Query("DELETE FROM audit_event WHERE id IN (:ids) AND created_at < :before")
    int deleteEventsBefore(List<String> ids, Instant before);

    /** Tokens kept for links mailed before tokens named their flow (migration V54) whose flow is gone. */
    @Query("SELECT l.token_digest FROM legacy_link_token l LEFT JOIN reset_flow f ON f.id = l.flow_id WHERE f.id IS NULL LIMIT :limit")
    List<String> findLegacyTokensOfPurgedFlows(int limit);

    @Query("DELETE FROM legacy_link_token WHERE token_digest IN (:digests)")
    int deleteLegacyTokens(List<String> digests);

    @Query("SELECT counter_key FROM rate_limit_counter WHERE window_start < :before ORDER BY window_start LIMIT :limit")
    List<String> findCountersBefore(Instant before, int limit);

    /** Re-checks the window: a counter restarted since it was selected stays. */
    @Query("DELETE FROM rate_limit_counter WHERE counter_key IN (:keys) AND window_start < :before")
    int deleteCounters(List<String> keys, Instant before);
}
