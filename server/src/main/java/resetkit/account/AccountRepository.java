package resetkit.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AccountRepository extends CrudRepository<Account, String> {

    @Query("SELECT * FROM account WHERE tenant_id = :tenantId AND (email = :email OR username = :identifier OR external_id = :identifier OR id = :identifier)")
    List<Account> findCandidates(String tenantId, String email, String identifier);

    /** As {@link #findCandidates}, locking the rows found (the reset request serialises per account on it). */
    @Query("SELECT * FROM account WHERE tenant_id = :tenantId AND (email = :email OR username = :identifier OR external_id = :identifier OR id = :identifier) FOR UPDATE")
    List<Account> findCandidatesForUpdate(String tenantId, String email, String identifier);

    boolean existsByTenantIdAndEmail(String tenantId, String email);

    @Query("UPDATE account SET password_hash = :passwordHash, password_changed_at = :changedAt WHERE id = :id")
    int updatePassword(String id, String passwordHash, Instant changedAt);
}
