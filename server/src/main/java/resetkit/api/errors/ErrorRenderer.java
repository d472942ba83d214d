package resetkit.api.errors;

import io.micronaut.core.order.OrderUtil;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/** Picks the dialect that owns a request's route and lets it render the error. */
@Singleton
public class ErrorRenderer {
    private final List<ErrorDialect> dialects;
    private final ProblemDetailsDialect fallback;

    ErrorRenderer(List<ErrorDialect> dialects, ProblemDetailsDialect fallback) {
        List<ErrorDialect> specific = new ArrayList<>(dialects);
        specific.remove(fallback);
        OrderUtil.sort(specific);
        this.dialects = specific;
        this.fallback = fallback;
    }

    public MutableHttpResponse<?> render(HttpRequest<?> request, ApiError error) {
        if (request != null) {
            for (ErrorDialect dialect : dialects) {
                if (dialect.handles(request)) {
                    return dialect.render(request, error);
                }
            }
        }
        return fallback.render(request, error);
    }
}
