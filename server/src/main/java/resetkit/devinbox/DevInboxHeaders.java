package resetkit.devinbox;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import resetkit.hosted.SecurityHeaders;

/**
 * The inbox pages show live reset links: never cached, never framed. A mail's own HTML is shown
 * under a sandbox policy, so nothing in it can run script or load anything.
 */
@ServerFilter("/dev/mail/**")
@DevInboxEnabled
public class DevInboxHeaders {
    static final String PAGE_POLICY = "default-src 'none'; style-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
    static final String MAIL_POLICY = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'none'";

    @ResponseFilter
    public void harden(HttpRequest<?> request, MutableHttpResponse<?> response) {
        SecurityHeaders.apply(response, request.getPath().endsWith("/html") ? MAIL_POLICY : PAGE_POLICY);
        response.header("Cache-Control", "no-store");
    }
}
