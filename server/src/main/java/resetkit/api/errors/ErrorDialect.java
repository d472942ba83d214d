package resetkit.api.errors;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;

/**
 * Shapes errors for the routes of one API dialect. Every error of a request, whether raised by a
 * controller, by body binding or validation, or by routing, is rendered by the dialect whose
 * {@link #handles} accepts the request; RFC 9457 problem details are the fallback.
 */
public interface ErrorDialect {
    boolean handles(HttpRequest<?> request);

    MutableHttpResponse<?> render(HttpRequest<?> request, ApiError error);
}
