package resetkit.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import org.reactivestreams.Publisher;

/** The native routes that act for a tenant need its API key as a bearer token; checked before the body is read. */
@ServerFilter({"/v1/password-resets", "/v1/credentials/**"})
public class NativeTenantKeyFilter {
    private final TenantKeyGate gate;

    NativeTenantKeyFilter(TenantKeyGate gate) {
        this.gate = gate;
    }

    @RequestFilter
    public Publisher<HttpResponse<?>> authenticate(HttpRequest<?> request, FilterContinuation<Publisher<HttpResponse<?>>> next) {
        return gate.admit(request, BearerCredentials.bearer(request), HttpStatus.UNAUTHORIZED,
                "A valid tenant API key is required as a bearer token.", next);
    }
}
