package resetkit.security;

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

/** The native routes that act for a tenant need its API key as a bearer token; checked before the body is read. */
@ServerFilter({"/v1/password-resets", "/v1/credentials/**"})
public class NativeTenantKeyFilter {
    private final TenantKeys tenantKeys;
    private final ErrorRenderer errors;

    NativeTenantKeyFilter(TenantKeys tenantKeys, ErrorRenderer errors) {
        this.tenantKeys = tenantKeys;
        this.errors = errors;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        if (tenantKeys.authenticate(request, BearerCredentials.bearer(request)).isPresent()) {
            return null;
        }
        return errors.render(request, ApiError.of(HttpStatus.UNAUTHORIZED, ApiError.UNAUTHORIZED, "Unauthorized",
                "A valid tenant API key is required as a bearer token.")).header("WWW-Authenticate", "Bearer");
    }
}
