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
import resetkit.security.BearerCredentials;
import resetkit.security.TenantKeyGate;

/**
 * Every ZAP call carries the tenant key as a bearer token ("must be sent with every API request"),
 * and ZAP documents a 400 for a request that does not name its content type; Micronaut would
 * otherwise read such a body as JSON.
 */
@ServerFilter({"/v1/business/**", "/v1/otp/**"})
class ZapRequestFilter {
    private final TenantKeyGate gate;

    ZapRequestFilter(TenantKeyGate gate) {
        this.gate = gate;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        HttpResponse<?> refused = gate.admit(request, BearerCredentials.bearer(request), HttpStatus.UNAUTHORIZED,
                "A valid tenant API key is required as a bearer token.");
        if (refused == null && request.getMethod() == HttpMethod.POST && request.getContentType().isEmpty()) {
            return gate.render(request, ApiError.of(HttpStatus.BAD_REQUEST, ApiError.MALFORMED, "Malformed request",
                    "Content-Type: application/json is required."));
        }
        return refused;
    }
}
