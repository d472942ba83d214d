package resetkit.variant.crux;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import resetkit.api.errors.ApiError;
import resetkit.api.errors.ErrorDialect;
import resetkit.api.generated.model.CruxError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Crux's error codes: 422 for field problems (fields as {"name":[messages]}), 404 for a token that
 * opens nothing (as "Validate Password Reset" documents), the others with their own code. The
 * filter decides 401 (no key) versus 403 (a key that is not valid).
 */
@Singleton
class CruxErrorDialect implements ErrorDialect {
    private static final Set<String> FIELD_KINDS = Set.of(ApiError.VALIDATION, ApiError.PASSWORD_POLICY, ApiError.REDIRECT_NOT_ALLOWED);
    private static final Map<String, String> FIELD_NAMES = Map.of("new_password", "password");

    @Override
    public boolean handles(HttpRequest<?> request) {
        return request.getPath().startsWith("/timp/");
    }

    @Override
    public MutableHttpResponse<?> render(HttpRequest<?> request, ApiError error) {
        if (FIELD_KINDS.contains(error.kind())) {
            Map<String, List<String>> fields = new LinkedHashMap<>();
            error.fields().forEach(f -> fields.computeIfAbsent(FIELD_NAMES.getOrDefault(f.field(), f.field()), k -> new ArrayList<>())
                    .add(f.message()));
            CruxError body = new CruxError(error.detail());
            body.setErrors(fields.isEmpty() ? null : fields);
            return json(HttpStatus.UNPROCESSABLE_ENTITY, body);
        }
        if (ApiError.INVALID_SECRET.equals(error.kind())) {
            return json(HttpStatus.NOT_FOUND, new CruxError("Invalid or expired reset token."));
        }
        return json(error.status(), new CruxError(error.detail()));
    }

    private static MutableHttpResponse<?> json(HttpStatus status, CruxError body) {
        return HttpResponse.status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
    }
}
