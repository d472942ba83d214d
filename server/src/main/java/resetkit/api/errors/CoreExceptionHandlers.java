package resetkit.api.errors;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import resetkit.account.AlreadyExistsException;
import resetkit.account.UnknownTenantException;
import resetkit.ratelimit.RateLimited;
import resetkit.reset.PasswordRejected;
import resetkit.reset.RedirectNotAllowed;
import resetkit.reset.ResetSecretRejected;
import resetkit.support.Refusal;

import java.util.List;

/** Maps the core's refusals to errors; the route's dialect decides their final shape and status. */
public final class CoreExceptionHandlers {
    private CoreExceptionHandlers() {
    }

    public static ApiError describe(Refusal refusal) {
        if (refusal instanceof ResetSecretRejected) {
            return ApiError.of(HttpStatus.BAD_REQUEST, ApiError.INVALID_SECRET, "Invalid or expired reset secret",
                    "The reset link or code is invalid, expired or already used.");
        }
        if (refusal instanceof PasswordRejected rejected) {
            List<ApiError.FieldProblem> fields = rejected.violations().stream()
                    .map(v -> new ApiError.FieldProblem("new_password", v)).toList();
            return new ApiError(HttpStatus.BAD_REQUEST, ApiError.PASSWORD_POLICY, "Password rejected",
                    "The new password " + String.join("; ", rejected.violations()) + ".", fields);
        }
        if (refusal instanceof RedirectNotAllowed) {
            return new ApiError(HttpStatus.BAD_REQUEST, ApiError.REDIRECT_NOT_ALLOWED, "Redirect URL not allowed",
                    "redirect_url is not on this tenant's list of allowed redirect URLs.",
                    List.of(new ApiError.FieldProblem("redirect_url", "is not an allowed redirect URL")));
        }
        if (refusal instanceof RateLimited) {
            return ApiError.of(HttpStatus.TOO_MANY_REQUESTS, ApiError.RATE_LIMITED, "Too many requests", refusal.getMessage());
        }
        if (refusal instanceof UnknownTenantException) {
            return ApiError.of(HttpStatus.NOT_FOUND, ApiError.NOT_FOUND, "Not found", refusal.getMessage());
        }
        if (refusal instanceof AlreadyExistsException) {
            return ApiError.of(HttpStatus.CONFLICT, ApiError.CONFLICT, "Conflict", refusal.getMessage());
        }
        return ApiError.of(HttpStatus.BAD_REQUEST, ApiError.MALFORMED, "Refused", refusal.getMessage());
    }

    @Singleton
    @Produces
    static class RefusalHandler implements ExceptionHandler<Refusal, HttpResponse<?>> {
        private final ErrorRenderer renderer;

        RefusalHandler(ErrorRenderer renderer) {
            this.renderer = renderer;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, Refusal refusal) {
            MutableHttpResponse<?> response = renderer.render(request, describe(refusal));
            if (refusal instanceof RateLimited limited) {
                response.header(HttpHeaders.RETRY_AFTER, String.valueOf(limited.retryAfterSeconds()));
            }
            return response;
        }
    }

    @Singleton
    @Produces
    static class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<?>> {
        private final ErrorRenderer renderer;

        ApiExceptionHandler(ErrorRenderer renderer) {
            this.renderer = renderer;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ApiException exception) {
            return renderer.render(request, exception.error());
        }
    }
}
