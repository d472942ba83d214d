package resetkit.hosted;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Browser hardening for the pages people open from a mail. The token is in the URL, so no
 * Referer may carry it anywhere and no cache may keep the page; no script runs at all, styles
 * come only from this server, the form posts only back here, and no site may frame the page.
 */
@ServerFilter({"/reset", "/reset/**", "/assets/**"})
public class HostedPageHeaders {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @ResponseFilter
    public void harden(MutableHttpResponse<?> response) {
        SecurityHeaders.apply(response, CONTENT_SECURITY_POLICY);
        response.header("Cache-Control", "no-store");
    }
}
