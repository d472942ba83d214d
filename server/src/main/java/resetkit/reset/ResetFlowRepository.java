package resetkit.reset;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ResetFlowRepository extends CrudRepository<ResetFlow, String> {

    /** The flow of a token issued before tokens named their flow (see migration V54). */
    @Query("SELECT f.* FROM reset_flow f JOIN legacy_link_token l ON l.flow_id = f.id WHERE l.token_digest IN (:tokenDigests)")
    Optional<ResetFlow> findByLegacyTokenDigestIn(Collection<String> tokenDigests);

    /** The account's newest flow in the given state (a new request revokes the older open ones). */
    Optional<ResetFlow> findFirstByTenantIdAndAccountIdAndStatusOrderByCreatedAtDesc(String tenantId, String accountId, FlowStatus status);

    @Query("UPDATE reset_flow SET code_verified_at = :now WHERE id = :id AND status = 'OPEN' AND code_verified_at IS NULL")
    int markCodeVerified(String id, Instant now);

    /** Single use: of any number of concurrent callers, exactly one sees 1. */
    @Query("UPDATE reset_flow SET status = 'USED', finished_at = :now WHERE id = :id AND status = 'OPEN' AND expires_at > :now")
    int consume(String id, Instant now);

    // a revoked flow expires at once; finished_at stays for the flow that was used (see V52: the row keeps its size)
    @Query("UPDATE reset_flow SET status = 'REVOKED', expires_at = :now WHERE tenant_id = :tenantId AND account_id IN (:accountIds) AND status = 'OPEN'")
    int revokeOpen(String tenantId, Collection<String> accountIds, Instant now);

    /*
     * MySQL evaluates SET assignments left to right and H2 all at once; status is assigned first,
     * so both read the old failed_attempts in the CASE.
     */
    @Query("UPDATE reset_flow SET status = CASE WHEN failed_attempts + 1 >= :maxAttempts THEN 'LOCKED' ELSE status END, "
            + "failed_attempts = failed_attempts + 1 "
            + "WHERE id = :id AND status = 'OPEN'")
    int recordWrongCode(String id, int maxAttempts);
}
