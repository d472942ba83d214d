package resetkit.variant.zap;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
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
 * Every ZAP call carries the tenant key as a bearer token ("must be sent with every API request"),
 * and ZAP documents a 400 for a request that does not name its content type; Micronaut would
 * otherwise read such a body as JSON.
 */
@ServerFilter({"/v1/business/**", "/v1/otp/**"})
class ZapRequestFilter {
    private final TenantKeys tenantKeys;
    private final ErrorRenderer errors;

    ZapRequestFilter(TenantKeys tenantKeys, ErrorRenderer errors) {
        this.tenantKeys = tenantKeys;
        this.errors = errors;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        if (tenantKeys.authenticate(request, BearerCredentials.bearer(request)).isEmpty()) {
            return errors.render(request, ApiError.of(HttpStatus.UNAUTHORIZED, ApiError.UNAUTHORIZED, "Unauthorized",
                    "A valid tenant API key is required as a bearer token.")).header("WWW-Authenticate", "Bearer");
        }
        if (request.getMethod() == HttpMethod.POST && request.getContentType().isEmpty()) {
            return errors.render(request, ApiError.of(HttpStatus.BAD_REQUEST, ApiError.MALFORMED, "Malformed request",
                    "Content-Type: application/json is required."));
        }
        return null;
    }
}
