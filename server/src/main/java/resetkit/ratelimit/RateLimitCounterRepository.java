package resetkit.ratelimit;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RateLimitCounterRepository extends CrudRepository<RateLimitCounter, String> {

    /*
     * One atomic statement per hit: a window that began at or before :expiredBefore starts over.
     * hits is assigned before window_start, and neither CASE reads the other column, so MySQL's
     * left-to-right SET and H2's all-at-once SET agree.
     */
    @Query("UPDATE rate_limit_counter SET "
            + "hits = CASE WHEN window_start <= :expiredBefore THEN 1 ELSE hits + 1 END, "
            + "window_start = CASE WHEN window_start <= :expiredBefore THEN :now ELSE window_start END "
            + "WHERE counter_key = :key")
    int hit(String key, Instant expiredBefore, Instant now);

    /** Creates the counter unless a concurrent request just did; never fails on the duplicate. */
    @Query("INSERT IGNORE INTO rate_limit_counter (counter_key, tenant_id, window_start, hits) VALUES (:key, :tenantId, :now, 1)")
    int insertFirstHit(String key, String tenantId, Instant now);
}
