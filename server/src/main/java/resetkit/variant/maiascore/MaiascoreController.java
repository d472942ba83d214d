package resetkit.variant.maiascore;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import reactor.core.publisher.Mono;
import resetkit.account.Tenant;
import resetkit.api.errors.ApiError;
import resetkit.api.errors.ApiException;
import resetkit.api.generated.MaiascoreApi;
import resetkit.api.generated.model.MaiascoreForgotPasswordRequest;
import resetkit.api.generated.model.MaiascoreResetPasswordRequest;
import resetkit.api.generated.model.MaiascoreResult;
import resetkit.reset.PasswordResetService;
import resetkit.reset.RejectionReason;
import resetkit.reset.ResetFlow;
import resetkit.reset.ResetRequest;
import resetkit.reset.ResetSecretRejected;
import resetkit.reset.SecretProof;
import resetkit.security.CallerTenant;

/**
 * Maiascore's "Password reset" and resetkit's companion to it. The tenant is the bearer key's
 * (checked by {@link MaiascoreKeyFilter}); JSON, XML and form bodies arrive as the same models
 * (XML through its own generated method). Every success is {@code {"code":200,"message":"OK"}}.
 */
// blocking work (JDBC, password hashing) inside the Monos the generated interface asks for
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller
public class MaiascoreController implements MaiascoreApi {
    static final String CHANNEL = "maiascore";

    private final PasswordResetService resets;

    MaiascoreController(PasswordResetService resets) {
        this.resets = resets;
    }

    @Override
    public Mono<HttpResponse<MaiascoreResult>> maiascoreForgotPassword(MaiascoreForgotPasswordRequest body) {
        return Mono.fromCallable(() -> {
            resets.request(CallerTenant.current(), ResetRequest.of(body.getId(), CHANNEL));
            return ok();
        });
    }

    @Override
    public Mono<HttpResponse<MaiascoreResult>> maiascoreForgotPassword_1(MaiascoreForgotPasswordRequest body) {
        return maiascoreForgotPassword(present(body));
    }

    /** The token must open a flow of the caller's own tenant; another tenant's token is as invalid as an unknown one. */
    @Override
    public Mono<HttpResponse<MaiascoreResult>> maiascoreResetPassword(MaiascoreResetPasswordRequest body) {
        return Mono.fromCallable(() -> {
            Tenant caller = CallerTenant.current();
            SecretProof proof = SecretProof.ofToken(body.getToken());
            ResetFlow flow = resets.verify(proof);
            if (!flow.tenantId().equals(caller.id())) {
                throw new ResetSecretRejected(RejectionReason.UNKNOWN);
            }
            resets.complete(proof, body.getPassword());
            return ok();
        });
    }

    @Override
    public Mono<HttpResponse<MaiascoreResult>> maiascoreResetPassword_2(MaiascoreResetPasswordRequest body) {
        return maiascoreResetPassword(present(body));
    }

    private static HttpResponse<MaiascoreResult> ok() {
        return HttpResponse.ok(new MaiascoreResult(200, "OK"));
    }

    /** An empty XML body binds to nothing (the generated XML method takes a nullable body); answered as for the other types. */
    private static <T> T present(T body) {
        if (body == null) {
            throw new ApiException(ApiError.of(HttpStatus.BAD_REQUEST, ApiError.MALFORMED, "Malformed request", "the request body is empty"));
        }
        return body;
    }
}
