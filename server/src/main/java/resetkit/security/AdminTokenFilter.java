package resetkit.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import resetkit.api.errors.ApiError;
import resetkit.api.errors.ErrorRenderer;
import resetkit.support.Digests;

/** The admin API needs RESETKIT_ADMIN_TOKEN as a bearer token, compared in constant time. */
@ServerFilter("/admin/**")
public class AdminTokenFilter {
    private final AdminSettings settings;
    private final ErrorRenderer errors;

    AdminTokenFilter(AdminSettings settings, ErrorRenderer errors) {
        this.settings = settings;
        this.errors = errors;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        String expected = settings.getToken();
        String presented = BearerCredentials.bearer(request);
        if (expected != null && !expected.isBlank() && presented != null
                && Digests.constantTimeEquals(Digests.sha256Hex(presented), Digests.sha256Hex(expected))) {
            return null;
        }
        return errors.render(request, ApiError.of(HttpStatus.UNAUTHORIZED, ApiError.UNAUTHORIZED, "Unauthorized",
                "The admin token is required as a bearer token.")).header("WWW-Authenticate", "Bearer");
    }
}
