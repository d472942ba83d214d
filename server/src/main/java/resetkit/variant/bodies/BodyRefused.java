package resetkit.variant.bodies;

import io.micronaut.http.HttpStatus;
import resetkit.api.errors.ApiError;
import resetkit.api.errors.ApiException;

import java.util.List;

/** A request body a dialect reader will not bind; the route's dialect renders it as a 400. */
final class BodyRefused {
    private BodyRefused() {
    }

    static ApiException malformed(String detail) {
        return new ApiException(ApiError.of(HttpStatus.BAD_REQUEST, ApiError.MALFORMED, "Malformed request body", detail));
    }

    static ApiException field(String field, String problem) {
        return new ApiException(new ApiError(HttpStatus.BAD_REQUEST, ApiError.VALIDATION, "Invalid request",
                field + " " + problem, List.of(new ApiError.FieldProblem(field, problem))));
    }
}
