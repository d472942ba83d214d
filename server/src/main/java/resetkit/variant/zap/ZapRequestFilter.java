package resetkit.variant.zap;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import org.reactivestreams.Publisher;
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
    public Publisher<HttpResponse<?>> authenticate(HttpRequest<?> request, FilterContinuation<Publisher<HttpResponse<?>>> next) {
        return gate.admit(request, BearerCredentials.bearer(request),
                () -> gate.refuse(request, HttpStatus.UNAUTHORIZED, "A valid tenant API key is required as a bearer token."),
                () -> request.getMethod() == HttpMethod.POST && request.getContentType().isEmpty()
                        ? Publishers.just(gate.render(request, ApiError.of(HttpStatus.BAD_REQUEST, ApiError.MALFORMED,
                                "Malformed request", "Content-Type: application/json is required.")))
                        : next.proceed());
    }
}
