package resetkit.variant.tangerine;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import resetkit.api.errors.ApiError;
import resetkit.api.errors.ErrorDialect;
import resetkit.api.generated.model.TangerineError;

/**
 * Tangerine365 documents no error body; resetkit answers {@code {"status","error","message"}} as
 * JSON, the format the document's samples parse every answer in. A request whose body is missing
 * or names no user is told so in plain words (the document's own samples send an empty form).
 */
@Singleton
public class TangerineErrorDialect implements ErrorDialect {
    static final String PATH = "/auth/lostPassword";

    @Override
    public boolean handles(HttpRequest<?> request) {
        return PATH.equals(request.getPath());
    }

    @Override
    public MutableHttpResponse<?> render(HttpRequest<?> request, ApiError error) {
        return HttpResponse.status(error.status()).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new TangerineError(error.status().getCode(), kind(error), message(error)));
    }

    /** No body at all (Micronaut: "Required Body [...] not specified"), or a body without username. */
    private static boolean missingUsername(ApiError error) {
        boolean noBody = ApiError.MALFORMED.equals(error.kind()) && error.detail() != null && error.detail().startsWith("Required Body");
        return noBody || error.fields().stream().anyMatch(f -> "username".equals(f.field()) && f.message().contains("null"));
    }

    private static String kind(ApiError error) {
        return missingUsername(error) ? ApiError.VALIDATION : error.kind();
    }

    private static String message(ApiError error) {
        if (missingUsername(error)) {
            return "username is required";
        }
        if (ApiError.MALFORMED.equals(error.kind())) {
            return "The request body could not be read.";
        }
        return error.detail();
    }
}
