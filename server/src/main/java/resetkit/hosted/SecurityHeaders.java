package resetkit.hosted;

import io.micronaut.http.MutableHttpResponse;

/** The headers every HTML page of resetkit sends; only the Content-Security-Policy differs per page. */
public final class SecurityHeaders {
    private SecurityHeaders() {
    }

    public static void apply(MutableHttpResponse<?> response, String contentSecurityPolicy) {
        response.header("Content-Security-Policy", contentSecurityPolicy);
        response.header("Referrer-Policy", "no-referrer");
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
    }
}
