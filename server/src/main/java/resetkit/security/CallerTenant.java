package resetkit.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import resetkit.account.Tenant;

/** The tenant a filter authenticated for the current request. */
public final class CallerTenant {
    static final String ATTRIBUTE = "resetkit.tenant";

    private CallerTenant() {
    }

    public static Tenant current() {
        HttpRequest<Object> request = ServerRequestContext.currentRequest()
                .orElseThrow(() -> new IllegalStateException("no current request"));
        return request.getAttribute(ATTRIBUTE, Tenant.class)
                .orElseThrow(() -> new IllegalStateException("route is not behind a tenant key filter"));
    }

    static void set(HttpRequest<?> request, Tenant tenant) {
        request.setAttribute(ATTRIBUTE, tenant);
    }
}
