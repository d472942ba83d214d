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
import resetkit.api.errors.ErrorRenderer;
import resetkit.security.BearerCredentials;
import resetkit.security.TenantKeys;

/**
 * Maiascore's operations need a tenant API key as a bearer token; checked before the body is
 * read. Maiascore documents a missing or wrong key as 403 "this operation requires authentication".
 */
@ServerFilter({MaiascoreErrorDialect.FORGOT_PASSWORD, MaiascoreErrorDialect.RESET_PASSWORD})
public class MaiascoreKeyFilter {
    private final TenantKeys tenantKeys;
    private final ErrorRenderer errors;

    MaiascoreKeyFilter(TenantKeys tenantKeys, ErrorRenderer errors) {
        this.tenantKeys = tenantKeys;
        this.errors = errors;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        if (tenantKeys.authenticate(request, BearerCredentials.bearer(request)).isPresent()) {
            return null;
        }
        return errors.render(request, ApiError.of(HttpStatus.FORBIDDEN, ApiError.UNAUTHORIZED, "Forbidden",
                "this operation requires authentication"));
    }
}
