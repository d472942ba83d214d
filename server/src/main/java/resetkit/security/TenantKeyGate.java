package resetkit.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import resetkit.api.errors.ApiError;
import resetkit.api.errors.ErrorRenderer;

/**
 * For request filters of dialects that authenticate a tenant key their own way: admits a presented
 * key (the tenant becomes the request's {@link CallerTenant}) or renders the refusal in the
 * route's dialect.
 */
@Singleton
public class TenantKeyGate {
    private final TenantKeys tenantKeys;
    private final ErrorRenderer errors;

    TenantKeyGate(TenantKeys tenantKeys, ErrorRenderer errors) {
        this.tenantKeys = tenantKeys;
        this.errors = errors;
    }

    /** Null when the key belongs to a tenant; otherwise the refusal with {@code status} (401 carries WWW-Authenticate). */
    @Nullable
    public MutableHttpResponse<?> admit(HttpRequest<?> request, @Nullable String presentedKey, HttpStatus status, String detail) {
        if (presentedKey != null && tenantKeys.authenticate(request, presentedKey).isPresent()) {
            return null;
        }
        return refuse(request, status, detail);
    }

    /** Null when admitted; otherwise {@code refusal}, for dialects whose refusal is not a plain 401/403 with a detail. */
    @Nullable
    public MutableHttpResponse<?> admit(HttpRequest<?> request, @Nullable String presentedKey, ApiError refusal) {
        if (presentedKey != null && tenantKeys.authenticate(request, presentedKey).isPresent()) {
            return null;
        }
        return errors.render(request, refusal);
    }

    public MutableHttpResponse<?> refuse(HttpRequest<?> request, HttpStatus status, String detail) {
        MutableHttpResponse<?> response = errors.render(request, ApiError.of(status, ApiError.UNAUTHORIZED, status.getReason(), detail));
        return status == HttpStatus.UNAUTHORIZED ? response.header("WWW-Authenticate", "Bearer") : response;
    }

    public MutableHttpResponse<?> render(HttpRequest<?> request, ApiError error) {
        return errors.render(request, error);
    }
}
