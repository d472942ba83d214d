package resetkit.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import resetkit.account.ApiKeys;
import resetkit.account.Tenant;
import resetkit.account.TenantAdministration;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** Resolves a presented tenant API key to its tenant and remembers it on the request. */
@Singleton
public class TenantKeys {
    private final ApiKeys apiKeys;
    private final TenantAdministration tenants;
    private final Executor blocking;

    TenantKeys(ApiKeys apiKeys, TenantAdministration tenants, @Named(TaskExecutors.BLOCKING) Executor blocking) {
        this.apiKeys = apiKeys;
        this.tenants = tenants;
        this.blocking = blocking;
    }

    /** The key's tenant through the caches, reading the database where they cannot answer; remembered on the request. */
    private Optional<Tenant> authenticate(HttpRequest<?> request, String keyDigest) {
        Optional<Tenant> tenant = apiKeys.tenantOfDigest(keyDigest).flatMap(tenants::findTenantCached);
        tenant.ifPresent(t -> CallerTenant.set(request, t));
        return tenant;
    }

    /**
     * The key's tenant (remembered on the request), for filters running on the event loop: answered
     * at once when the key is malformed or this instance's cache knows the key and its tenant (nearly
     * every request), and otherwise on the blocking executor, as the answer needs the database. A filter that always
     * moved to the blocking executor cost every request a thread hand-over before its route's own.
     */
    public CompletionStage<Optional<Tenant>> authenticateAsync(HttpRequest<?> request, @Nullable String presentedKey) {
        String keyDigest = ApiKeys.digestOf(presentedKey);
        if (keyDigest == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        String tenantId = apiKeys.cachedTenantOfDigest(keyDigest);
        Tenant cached = tenantId == null ? null : tenants.cachedTenant(tenantId);
        if (cached != null) {
            CallerTenant.set(request, cached);
            return CompletableFuture.completedFuture(Optional.of(cached));
        }
        return CompletableFuture.supplyAsync(() -> authenticate(request, keyDigest), blocking);
    }
}
