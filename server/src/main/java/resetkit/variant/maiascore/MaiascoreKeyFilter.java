package resetkit.variant.maiascore;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import resetkit.api.errors.ApiError;
import resetkit.security.BearerCredentials;
import resetkit.security.TenantKeyGate;

/**
 * Maiascore's operations need a tenant API key as a bearer token; checked before the body is
 * read. Maiascore documents a missing or wrong key as 403 "this operation requires authentication".
 */
@ServerFilter({MaiascoreErrorDialect.FORGOT_PASSWORD, MaiascoreErrorDialect.RESET_PASSWORD})
public class MaiascoreKeyFilter {
    private static final ApiError FORBIDDEN = ApiError.of(HttpStatus.FORBIDDEN, ApiError.UNAUTHORIZED, "Forbidden",
            "this operation requires authentication");

    private final TenantKeyGate gate;

    MaiascoreKeyFilter(TenantKeyGate gate) {
        this.gate = gate;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        return gate.admit(request, BearerCredentials.bearer(request), FORBIDDEN);
    }
}
