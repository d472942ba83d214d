package resetkit.docs;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import resetkit.hosted.SecurityHeaders;

/**
 * The docs page runs Swagger UI: scripts only from this server, but inline styles (Swagger UI
 * sets them from script), data: images, and fetches to this origin for "Try it out".
 */
@ServerFilter({"/docs", "/docs/**"})
public class DocsPageHeaders {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    @ResponseFilter
    public void harden(MutableHttpResponse<?> response) {
        SecurityHeaders.apply(response, CONTENT_SECURITY_POLICY);
    }
}
