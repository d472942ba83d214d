package resetkit.variant.crux;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import resetkit.api.errors.ApiError;
import resetkit.api.errors.ErrorRenderer;
import resetkit.security.BearerCredentials;
import resetkit.security.TenantKeys;

/**
 * Crux sends the key in Authorization without a scheme; "Bearer <key>" works too. No key is a 401
 * (Crux's examples send an empty header as a placeholder), a key that is not valid a 403.
 */
@ServerFilter("/timp/**")
class CruxTenantKeyFilter {
    private final TenantKeys tenantKeys;
    private final ErrorRenderer errors;

    CruxTenantKeyFilter(TenantKeys tenantKeys, ErrorRenderer errors) {
        this.tenantKeys = tenantKeys;
        this.errors = errors;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        String presented = BearerCredentials.bearerOrRaw(request);
        if (presented == null) {
            return errors.render(request, ApiError.of(HttpStatus.UNAUTHORIZED, ApiError.UNAUTHORIZED, "Unauthorized",
                    "Authentication credentials were not provided.")).header("WWW-Authenticate", "Bearer");
        }
        if (tenantKeys.authenticate(request, presented).isPresent()) {
            return null;
        }
        return errors.render(request, ApiError.of(HttpStatus.FORBIDDEN, ApiError.UNAUTHORIZED, "Forbidden", "Invalid API key."));
    }
}
