package resetkit.variant.maiascore;

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
 * Maiascore's operations need a tenant API key as a bearer token; checked before the body is
 * read. Maiascore documents a missing or wrong key as 403 "this operation requires authentication".
 */
@ServerFilter({MaiascoreErrorDialect.FORGOT_PASSWORD, MaiascoreErrorDialect.RESET_PASSWORD})
public class MaiascoreKeyFilter {
    private static final ApiError FORBIDDEN = ApiError.of(HttpStatus.FORBIDDEN, ApiError.UNAUTHORIZED, "Forbidden",
            "this operation requires authentication");

    private final TenantKeyGate gate;

    MaiascoreKeyFilter(TenantKeyGate gate) {
        this.gate = gate;
    }

    @RequestFilter
    public Publisher<HttpResponse<?>> authenticate(HttpRequest<?> request, FilterContinuation<Publisher<HttpResponse<?>>> next) {
        return gate.admit(request, BearerCredentials.bearer(request), FORBIDDEN, next);
    }
}
