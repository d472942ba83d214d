package resetkit.ratelimit;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RateLimitCounterRepository extends CrudRepository<RateLimitCounter, String> {

    /** Locks the existing counters among {@code keys} in key order (so concurrent callers cannot deadlock) and returns them. */
    @Query("SELECT * FROM rate_limit_counter WHERE counter_key IN (:keys) ORDER BY counter_key FOR UPDATE")
    List<RateLimitCounter> lockAll(Collection<String> keys);
}
