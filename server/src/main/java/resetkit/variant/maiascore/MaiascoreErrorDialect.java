package resetkit.variant.maiascore;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import resetkit.api.errors.ApiError;
import resetkit.api.errors.ErrorDialect;
import resetkit.api.generated.model.MaiascoreResult;

/**
 * Maiascore's error body {@code {"code","message"}} for its paths and everything below them.
 * Maiascore's document shows code 500 in every error example; resetkit sends the real status
 * in {@code code}, and the document's own wording where it has one.
 */
@Singleton
public class MaiascoreErrorDialect implements ErrorDialect {
    static final String FORGOT_PASSWORD = "/auth/forgot-password";
    static final String RESET_PASSWORD = "/auth/reset-password";

    @Override
    public boolean handles(HttpRequest<?> request) {
        String path = request.getPath();
        return owns(path, FORGOT_PASSWORD) || owns(path, RESET_PASSWORD);
    }

    private static boolean owns(String path, String base) {
        return path.equals(base) || path.startsWith(base + "/");
    }

    @Override
    public MutableHttpResponse<?> render(HttpRequest<?> request, ApiError error) {
        return HttpResponse.status(error.status()).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new MaiascoreResult(error.status().getCode(), message(error)));
    }

    static String message(ApiError error) {
        HttpStatus status = error.status();
        if (status == HttpStatus.NOT_FOUND) {
            return "Not found: the resource was not found";
        }
        if (status.getCode() >= 500 && status != HttpStatus.SERVICE_UNAVAILABLE) {
            return "Error - Server Error";
        }
        return status.getReason() + ": " + detail(error);
    }

    /** "id is required" rather than a validator's "must not be null"; no trailing full stop, as in Maiascore's wording. */
    private static String detail(ApiError error) {
        for (ApiError.FieldProblem field : error.fields()) {
            if (field.message().contains("null")) {
                return field.field() + " is required";
            }
        }
        if (ApiError.MALFORMED.equals(error.kind()) && error.detail() != null && error.detail().startsWith("Required Body")) {
            return "the request body is empty";
        }
        String detail = error.detail() == null ? error.title() : error.detail();
        return detail.endsWith(".") ? detail.substring(0, detail.length() - 1) : detail;
    }
}
