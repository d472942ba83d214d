package resetkit.variant.timbu;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import resetkit.api.errors.ApiError;
import resetkit.api.errors.ErrorDialect;
import resetkit.api.generated.model.TimbuHttpError;
import resetkit.api.generated.model.TimbuValidationError;
import resetkit.api.generated.model.TimbuValidationIssue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Timbu's (FastAPI's) error shapes: field problems as 422 {"detail":[{"loc","msg","type"}]},
 * everything else as {"detail": "..."}. Timbu documents 400 for an invalid request, so a body
 * that is not JSON or not sent as JSON is a 400 here (not 415).
 */
@Singleton
class TimbuErrorDialect implements ErrorDialect {
    static final Set<String> PATHS = Set.of("/auth/recover-biz_partner-password", "/auth/reset-biz_partner-password");
    /** The core names fields as the native API does; Timbu's bodies call them otherwise. */
    private static final Map<String, String> FIELD_NAMES = Map.of("redirect_url", "app_url", "new_password", "password");
    private static final Set<String> FIELD_KINDS = Set.of(ApiError.VALIDATION, ApiError.PASSWORD_POLICY, ApiError.REDIRECT_NOT_ALLOWED);

    @Override
    public boolean handles(HttpRequest<?> request) {
        String path = request.getPath();
        return PATHS.contains(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    }

    @Override
    public MutableHttpResponse<?> render(HttpRequest<?> request, ApiError error) {
        if (FIELD_KINDS.contains(error.kind()) && !error.fields().isEmpty()) {
            List<TimbuValidationIssue> issues = error.fields().stream()
                    .map(f -> issue(request, FIELD_NAMES.getOrDefault(f.field(), f.field()), f.message()))
                    .toList();
            return json(HttpStatus.UNPROCESSABLE_ENTITY, new TimbuValidationError(issues));
        }
        return switch (error.kind()) {
            case ApiError.INVALID_SECRET -> json(HttpStatus.BAD_REQUEST, new TimbuHttpError("Invalid or expired token."));
            case ApiError.MALFORMED, ApiError.UNSUPPORTED_MEDIA_TYPE -> json(HttpStatus.BAD_REQUEST, new TimbuHttpError(error.detail()));
            case ApiError.METHOD_NOT_ALLOWED -> json(HttpStatus.METHOD_NOT_ALLOWED, new TimbuHttpError("Method Not Allowed"));
            default -> json(error.status(), new TimbuHttpError(error.detail()));
        };
    }

    private static TimbuValidationIssue issue(HttpRequest<?> request, String field, String message) {
        String where = request.getParameters().contains(field) ? "query" : "body";
        return new TimbuValidationIssue(List.of(where, field), phrase(field, message), "value_error");
    }

    /** "must not be null" on email reads as Timbu's own example: "Email is required." */
    private static String phrase(String field, String message) {
        if ("must not be null".equals(message)) {
            String name = field.replace('_', ' ');
            return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1) + " is required.";
        }
        return message;
    }

    private static MutableHttpResponse<?> json(HttpStatus status, Object body) {
        return HttpResponse.status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
    }
}
