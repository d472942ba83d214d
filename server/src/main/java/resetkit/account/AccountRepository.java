package resetkit.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AccountRepository extends CrudRepository<Account, String> {

    /** Locks the tenant's accounts among {@code ids} (in key order, so concurrent callers cannot deadlock) and returns the ids that exist. */
    @Query("SELECT id FROM account WHERE tenant_id = :tenantId AND id IN (:ids) ORDER BY id FOR UPDATE")
    List<String> lockExisting(String tenantId, Collection<String> ids);

    boolean existsByTenantIdAndEmail(String tenantId, String email);

    @Query("UPDATE account SET password_hash = :passwordHash, password_changed_at = :changedAt WHERE id = :id")
    int updatePassword(String id, String passwordHash, Instant changedAt);
}
