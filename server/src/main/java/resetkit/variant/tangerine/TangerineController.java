package resetkit.variant.tangerine;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import reactor.core.publisher.Mono;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import resetkit.account.Tenant;
import resetkit.account.TenantAdministration;
import resetkit.api.errors.ApiError;
import resetkit.api.errors.ApiException;
import resetkit.api.generated.TangerineApi;
import resetkit.api.generated.model.TangerineLostPasswordRequest;
import resetkit.reset.PasswordResetService;
import resetkit.reset.ResetRequest;

import java.util.Map;

/**
 * Tangerine365's "Lost Password": the configured tenant, {@code username} as the identifier,
 * 200 {@code {}} whether or not the account exists.
 */
// blocking work (JDBC, password hashing) inside the Monos the generated interface asks for
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller
public class TangerineController implements TangerineApi {
    static final String CHANNEL = "tangerine";
    private static final Logger LOG = LoggerFactory.getLogger(TangerineController.class);

    private final PasswordResetService resets;
    private final TenantAdministration tenants;
    private final TangerineSettings settings;

    TangerineController(PasswordResetService resets, TenantAdministration tenants, TangerineSettings settings) {
        this.resets = resets;
        this.tenants = tenants;
        this.settings = settings;
    }

    @Override
    public Mono<HttpResponse<Object>> tangerineLostPassword(TangerineLostPasswordRequest body) {
        return Mono.fromCallable(() -> {
            resets.request(configuredTenant(), ResetRequest.of(body.getUsername(), CHANNEL));
            return HttpResponse.ok(Map.of());
        });
    }

    private Tenant configuredTenant() {
        String id = settings.getTenant();
        if (id == null || id.isBlank()) {
            LOG.warn("Tangerine365 lost-password request refused: resetkit.variants.tangerine.tenant is not set");
            throw notConfigured();
        }
        return tenants.findTenant(id.trim()).orElseThrow(() -> {
            LOG.warn("Tangerine365 lost-password request refused: configured tenant '{}' does not exist", id);
            return notConfigured();
        });
    }

    private static ApiException notConfigured() {
        return new ApiException(ApiError.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                "The lost-password endpoint is not configured."));
    }
}
