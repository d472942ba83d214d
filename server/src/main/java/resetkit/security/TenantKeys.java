package resetkit.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import resetkit.account.ApiKeys;
import resetkit.account.Tenant;
import resetkit.account.TenantAdministration;

import java.util.Optional;

/** Resolves a presented tenant API key to its tenant and remembers it on the request. */
@Singleton
public class TenantKeys {
    private final ApiKeys apiKeys;
    private final TenantAdministration tenants;

    TenantKeys(ApiKeys apiKeys, TenantAdministration tenants) {
        this.apiKeys = apiKeys;
        this.tenants = tenants;
    }

    public Optional<Tenant> authenticate(HttpRequest<?> request, @Nullable String presentedKey) {
        Optional<Tenant> tenant = apiKeys.tenantOf(presentedKey).flatMap(tenants::findTenantCached);
        tenant.ifPresent(t -> CallerTenant.set(request, t));
        return tenant;
    }
}
