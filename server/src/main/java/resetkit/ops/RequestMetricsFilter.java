package resetkit.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.RouteAttributes;

import java.util.Locale;

/**
 * resetkit_requests_total{dialect, route, method, status, outcome}: every answered request. The
 * dialect is the API the route belongs to: the generated interface its controller implements
 * (TimbuApi -> "timbu", PasswordResetsApi -> "password-resets"), else the controller's package.
 */
@ServerFilter("/**")
public class RequestMetricsFilter {
    private static final String GENERATED = "resetkit.api.generated.";

    private final MeterRegistry registry;

    RequestMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @ResponseFilter
    public void count(HttpRequest<?> request, HttpResponse<?> response) {
        int status = response.code();
        RouteMatch<?> match = RouteAttributes.getRouteMatch(request).orElse(null);
        Counter.builder("resetkit.requests")
                .description("Answered HTTP requests by API dialect, route and outcome")
                .tag("dialect", dialectOf(match))
                .tag("route", BasicHttpAttributes.getUriTemplate(request).orElse(match == null ? "unmatched" : "unknown"))
                .tag("method", request.getMethodName())
                .tag("status", String.valueOf(status))
                .tag("outcome", outcomeOf(status))
                .register(registry)
                .increment();
    }

    static String outcomeOf(int status) {
        if (status >= 500) {
            return "server_error";
        }
        if (status >= 400) {
            return "client_error";
        }
        return status >= 300 ? "redirect" : "success";
    }

    static String dialectOf(RouteMatch<?> match) {
        if (!(match instanceof MethodBasedRouteMatch<?, ?> method)) {
            return "none";
        }
        Class<?> controller = method.getDeclaringType();
        for (Class<?> type = controller; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Class<?> api : type.getInterfaces()) {
                if (api.getName().startsWith(GENERATED) && api.getSimpleName().endsWith("Api")) {
                    return kebab(api.getSimpleName().substring(0, api.getSimpleName().length() - 3));
                }
            }
        }
        String pkg = controller.getPackageName();
        return pkg.substring(pkg.lastIndexOf('.') + 1);
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
