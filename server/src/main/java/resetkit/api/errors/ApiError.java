package resetkit.api.errors;

import io.micronaut.http.HttpStatus;

import java.util.List;

/**
 * One error, before any dialect has shaped it: a status, a stable kind (the problem type's last
 * segment), a title, a human detail and the offending fields.
 */
public record ApiError(HttpStatus status, String kind, String title, String detail, List<FieldProblem> fields) {

    public record FieldProblem(String field, String message) {
    }

    public static ApiError of(HttpStatus status, String kind, String title, String detail) {
        return new ApiError(status, kind, title, detail, List.of());
    }

    public static final String VALIDATION = "validation";
    public static final String MALFORMED = "malformed-request";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String NOT_FOUND = "not-found";
    public static final String CONFLICT = "conflict";
    public static final String INVALID_SECRET = "invalid-reset-secret";
    public static final String PASSWORD_POLICY = "password-policy";
    public static final String REDIRECT_NOT_ALLOWED = "redirect-not-allowed";
    public static final String TOO_LARGE = "payload-too-large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String INTERNAL = "internal-error";
    public static final String RATE_LIMITED = "rate-limited";
    public static final String SERVICE_UNAVAILABLE = "service-unavailable";
}
