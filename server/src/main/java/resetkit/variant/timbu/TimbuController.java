package resetkit.variant.timbu;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import reactor.core.publisher.Mono;
import resetkit.account.AccountRepository;
import resetkit.account.Tenant;
import resetkit.account.TenantAdministration;
import resetkit.api.errors.ApiError;
import resetkit.api.errors.ApiException;
import resetkit.api.generated.TimbuApi;
import resetkit.api.generated.model.TimbuPartner;
import resetkit.api.generated.model.TimbuPasswordSet;
import resetkit.api.generated.model.TimbuRecoverRequest;
import resetkit.api.generated.model.TimbuResetPasswordRequest;
import resetkit.reset.PasswordResetService;
import resetkit.reset.ResetFlow;
import resetkit.reset.ResetRequest;
import resetkit.reset.SecretProof;

import java.util.List;

/**
 * Timbu's business-partner recovery: the organization in the body is the tenant, app_url the
 * link base (checked against the tenant's allow-list by the core), app_name the mail's name.
 */
// blocking work (JDBC, password hashing) inside the Monos the generated interface asks for
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller
class TimbuController implements TimbuApi {
    static final String CHANNEL = "timbu";
    /* JSON string bodies, written as they are: Micronaut writes a String return raw. */
    static final String RECOVERY_SENT = "\"Recovery email sent successfully.\"";
    static final String PASSWORD_RESET = "\"Password reset successfully.\"";
    static final String PASSWORD_SET = "Successfully set biz partner password";

    private final PasswordResetService resets;
    private final TenantAdministration tenants;
    private final AccountRepository accounts;

    TimbuController(PasswordResetService resets, TenantAdministration tenants, AccountRepository accounts) {
        this.resets = resets;
        this.tenants = tenants;
        this.accounts = accounts;
    }

    @Override
    public Mono<HttpResponse<String>> timbuRecoverBizPartnerPassword(TimbuRecoverRequest body) {
        return Mono.fromCallable(() -> {
            Tenant tenant = tenants.findTenant(body.getOrganizationId()).orElseThrow(() -> new ApiException(
                    ApiError.of(HttpStatus.NOT_FOUND, ApiError.NOT_FOUND, "Not found", "Organization not found.")));
            resets.request(tenant, new ResetRequest(body.getEmail(), body.getAppUrl(), null, CHANNEL, body.getAppName(), null));
            return HttpResponse.ok(RECOVERY_SENT).contentType(MediaType.APPLICATION_JSON_TYPE);
        });
    }

    /**
     * Both documented forms: the token in the body (answers the partner), or in the query (answers
     * a string). The parameter keeps the interface's name: validation messages name it.
     */
    @Override
    public Mono<HttpResponse<Object>> timbuResetBizPartnerPassword(TimbuResetPasswordRequest body, String token) {
        return Mono.fromCallable(() -> {
            if (token != null && body.getToken() != null) {
                throw tokenProblem("send the token in the query or in the body, not both");
            }
            String presented = token != null ? token : body.getToken();
            if (presented == null) {
                throw tokenProblem("must not be null");
            }
            ResetFlow flow = resets.complete(SecretProof.ofToken(presented), body.getPassword());
            if (token != null) {
                return HttpResponse.<Object>ok(PASSWORD_RESET).contentType(MediaType.APPLICATION_JSON_TYPE);
            }
            TimbuPartner partner = accounts.findById(flow.accountId())
                    .map(a -> new TimbuPartner(a.id(), a.email()))
                    .orElseThrow();
            return HttpResponse.ok(new TimbuPasswordSet(PASSWORD_SET, partner));
        });
    }

    private static ApiException tokenProblem(String message) {
        return new ApiException(new ApiError(HttpStatus.BAD_REQUEST, ApiError.VALIDATION, "Invalid request",
                "token " + message, List.of(new ApiError.FieldProblem("token", message))));
    }
}
