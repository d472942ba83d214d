package resetkit.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import resetkit.api.errors.ApiError;
import resetkit.api.errors.ErrorRenderer;

/**
 * The body of a tenant-key filter: admit a request whose key opens a tenant (which becomes its
 * {@link CallerTenant}), or answer with the dialect's own refusal (Maiascore documents 403 where
 * the native API says 401), rendered in the route's error dialect.
 */
@Singleton
public class TenantKeyGate {
    private final TenantKeys tenantKeys;
    private final ErrorRenderer errors;

    TenantKeyGate(TenantKeys tenantKeys, ErrorRenderer errors) {
        this.tenantKeys = tenantKeys;
        this.errors = errors;
    }

    /** {@code null} when admitted, so a {@code @RequestFilter} can return it as it is. */
    @Nullable
    public MutableHttpResponse<?> admit(HttpRequest<?> request, @Nullable String presentedKey, ApiError refusal) {
        if (tenantKeys.authenticate(request, presentedKey).isPresent()) {
            return null;
        }
        return errors.render(request, refusal);
    }
}
