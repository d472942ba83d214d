package resetkit.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.RouteAttributes;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * resetkit_requests_total{dialect, route, method, status, outcome}: every answered request. The
 * dialect is the API the route belongs to: the generated interface its controller implements
 * (TimbuApi -> "timbu", PasswordResetsApi -> "password-resets"), else the controller's package.
 */
@ServerFilter("/**")
public class RequestMetricsFilter {
    private static final String GENERATED = "resetkit.api.generated.";

    // the dialect of a controller class never changes: found once per class, not per request
    private static final ClassValue<String> DIALECTS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> controller) {
            return dialectOfController(controller);
        }
    };

    private final MeterRegistry registry;
    // Building a counter and registering it looks it up by its sorted tags on every call; the
    // tag sets are few (routes x methods x statuses), so each one's counter is kept
    private final Map<Labels, Counter> counters = new ConcurrentHashMap<>();

    private record Labels(String dialect, String route, String method, int status) {
    }

    RequestMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @ResponseFilter
    public void count(HttpRequest<?> request, HttpResponse<?> response) {
        RouteMatch<?> match = RouteAttributes.getRouteMatch(request).orElse(null);
        Labels labels = new Labels(dialectOf(match),
                BasicHttpAttributes.getUriTemplate(request).orElse(match == null ? "unmatched" : "unknown"),
                methodOf(request), response.code());
        counters.computeIfAbsent(labels, this::register).increment();
    }

    private Counter register(Labels labels) {
        return Counter.builder("resetkit.requests")
                .description("Answered HTTP requests by API dialect, route and outcome")
                .tag("dialect", labels.dialect())
                .tag("route", labels.route())
                .tag("method", labels.method())
                .tag("status", String.valueOf(labels.status()))
                .tag("outcome", outcomeOf(labels.status()))
                .register(registry);
    }

    /** A client can send any method name; each would otherwise become a time series of its own. */
    static String methodOf(HttpRequest<?> request) {
        return request.getMethod() == HttpMethod.CUSTOM ? "OTHER" : request.getMethodName();
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
        return DIALECTS.get(method.getDeclaringType());
    }

    private static String dialectOfController(Class<?> controller) {
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
