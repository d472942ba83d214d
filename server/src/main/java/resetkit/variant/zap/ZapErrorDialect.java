package resetkit.variant.zap;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import resetkit.api.errors.ApiError;
import resetkit.api.errors.ErrorDialect;
import resetkit.api.generated.model.FieldError;
import resetkit.api.generated.model.ZapError;

import java.util.Map;
import java.util.Set;

/**
 * ZAP documents 400 for every malformed request (bad body, missing or wrong content type, invalid
 * fields), so all request problems become 400 {"success":false,"message",...}; authentication
 * stays 401 and the remaining statuses keep their code.
 */
@Singleton
class ZapErrorDialect implements ErrorDialect {
    private static final Set<String> BAD_REQUEST_KINDS = Set.of(ApiError.VALIDATION, ApiError.MALFORMED,
            ApiError.UNSUPPORTED_MEDIA_TYPE, ApiError.INVALID_SECRET, ApiError.PASSWORD_POLICY, ApiError.REDIRECT_NOT_ALLOWED);
    private static final Map<String, String> FIELD_NAMES = Map.of("new_password", "newPassword");

    @Override
    public boolean handles(HttpRequest<?> request) {
        String path = request.getPath();
        return path.startsWith("/v1/business/") || path.startsWith("/v1/otp/");
    }

    @Override
    public MutableHttpResponse<?> render(HttpRequest<?> request, ApiError error) {
        boolean badRequest = BAD_REQUEST_KINDS.contains(error.kind());
        HttpStatus status = badRequest ? HttpStatus.BAD_REQUEST : error.status();
        String message = ApiError.INVALID_SECRET.equals(error.kind()) ? "The OTP or token is invalid or expired." : error.detail();
        ZapError body = new ZapError(false, message);
        error.fields().forEach(f -> body.addErrorsItem(new FieldError(FIELD_NAMES.getOrDefault(f.field(), f.field()), f.message())));
        return HttpResponse.status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
    }
}
