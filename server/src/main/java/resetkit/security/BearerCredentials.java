package resetkit.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

/** Reads the credential of an {@code Authorization} header: {@code Bearer <value>}, or a raw value where a dialect allows it. */
public final class BearerCredentials {
    private BearerCredentials() {
    }

    @Nullable
    public static String bearer(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return null;
        }
        String trimmed = header.trim();
        if (trimmed.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String value = trimmed.substring(7).trim();
            return value.isEmpty() ? null : value;
        }
        return null;
    }

    /** Bearer value, or the whole header when it carries no scheme. */
    @Nullable
    public static String bearerOrRaw(HttpRequest<?> request) {
        String bearer = bearer(request);
        if (bearer != null) {
            return bearer;
        }
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        return header == null || header.isBlank() ? null : header.trim();
    }
}
