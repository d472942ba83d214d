package resetkit.hosted;

import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ViewsRenderer;
import jakarta.inject.Singleton;
import resetkit.api.errors.ApiError;
import resetkit.api.errors.ErrorDialect;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Errors of the hosted page (a wrong method or content type, an oversized form, a server fault)
 * are shown to a person as a page, not as JSON; the detail is the same safe text every dialect gets.
 */
@Singleton
public class HostedPageErrors implements ErrorDialect {
    static final String VIEW = "hosted/error";

    private final ViewsRenderer<Map<String, Object>, HttpRequest<?>> views;

    HostedPageErrors(ViewsRenderer<Map<String, Object>, HttpRequest<?>> views) {
        this.views = views;
    }

    @Override
    public boolean handles(HttpRequest<?> request) {
        String path = request.getPath();
        return path.equals("/reset") || path.startsWith("/reset/");
    }

    @Override
    public MutableHttpResponse<?> render(HttpRequest<?> request, ApiError error) {
        Writable page = views.render(VIEW, Map.of("title", error.title(), "detail", error.detail()), request);
        StringWriter html = new StringWriter();
        try {
            page.writeTo(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.status(error.status()).contentType(MediaType.TEXT_HTML_TYPE).body(html.toString());
    }
}
