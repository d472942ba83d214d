package resetkit.variant.crux;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import org.reactivestreams.Publisher;
import resetkit.security.BearerCredentials;
import resetkit.security.TenantKeyGate;

/**
 * Crux sends the key in Authorization without a scheme; "Bearer <key>" works too. No key is a 401
 * (Crux's examples send an empty header as a placeholder), a key that is not valid a 403.
 */
@ServerFilter("/timp/**")
class CruxTenantKeyFilter {
    private final TenantKeyGate gate;

    CruxTenantKeyFilter(TenantKeyGate gate) {
        this.gate = gate;
    }

    @RequestFilter
    public Publisher<HttpResponse<?>> authenticate(HttpRequest<?> request, FilterContinuation<Publisher<HttpResponse<?>>> next) {
        String presented = BearerCredentials.bearerOrRaw(request);
        if (presented == null) {
            return Publishers.just(gate.refuse(request, HttpStatus.UNAUTHORIZED, "Authentication credentials were not provided."));
        }
        return gate.admit(request, presented, HttpStatus.FORBIDDEN, "Invalid API key.", next);
    }
}
