package resetkit.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import reactor.core.publisher.Mono;
import resetkit.api.errors.ApiError;
import resetkit.api.errors.ApiException;
import resetkit.api.generated.PasswordResetsApi;
import resetkit.api.generated.model.CompleteResetRequest;
import resetkit.api.generated.model.PasswordResetAccepted;
import resetkit.api.generated.model.PasswordResetRequest;
import resetkit.api.generated.model.VerifyResetRequest;
import resetkit.api.generated.model.VerifyResetResponse;
import resetkit.reset.PasswordResetService;
import resetkit.reset.ResetFlow;
import resetkit.reset.ResetRequest;
import resetkit.reset.ResetTicket;
import resetkit.reset.SecretProof;
import resetkit.security.CallerTenant;

import java.util.List;

@Controller
public class NativeResetController implements PasswordResetsApi {
    static final String CHANNEL = "native";

    private final PasswordResetService resets;

    NativeResetController(PasswordResetService resets) {
        this.resets = resets;
    }

    /**
     * Runs on the event loop (no {@link ExecuteOn}): nothing here blocks. The request is queued for
     * the next group commit and answered when that completes, so no thread waits for it; this saves
     * two thread hand-overs per request (see the README's Performance section).
     */
    @Override
    public Mono<HttpResponse<PasswordResetAccepted>> requestPasswordReset(PasswordResetRequest body) {
        return Mono.fromFuture(resets.requestAsync(CallerTenant.current(),
                        new ResetRequest(body.getIdentifier(), body.getRedirectUrl(), body.getLocale(), CHANNEL, null, null)))
                .map(ticket -> HttpResponse.status(HttpStatus.ACCEPTED)
                        .body(new PasswordResetAccepted(ticket.flowId(), Times.utc(ticket.expiresAt()))));
    }

    @Override
    @ExecuteOn(TaskExecutors.BLOCKING)
    public Mono<HttpResponse<VerifyResetResponse>> verifyPasswordReset(VerifyResetRequest body) {
        return Mono.fromCallable(() -> {
            ResetFlow flow = resets.verify(proof(body.getToken(), body.getFlowId(), body.getCode()));
            return HttpResponse.ok(new VerifyResetResponse(Times.utc(flow.expiresAt())));
        });
    }

    @Override
    @ExecuteOn(TaskExecutors.BLOCKING)
    public Mono<HttpResponse<Void>> completePasswordReset(CompleteResetRequest body) {
        return Mono.fromCallable(() -> {
            resets.complete(proof(body.getToken(), body.getFlowId(), body.getCode()), body.getNewPassword());
            return HttpResponse.noContent();
        });
    }

    /** Exactly one kind of secret: a token, or a flow id with its code. */
    static SecretProof proof(String token, String flowId, String code) {
        boolean hasToken = token != null;
        boolean hasCode = flowId != null || code != null;
        if (hasToken == hasCode) {
            throw new ApiException(new ApiError(HttpStatus.BAD_REQUEST, ApiError.VALIDATION, "Invalid request",
                    "Send either token, or flow_id and code.", List.of(new ApiError.FieldProblem("token", "send either token, or flow_id and code"))));
        }
        if (hasToken) {
            return SecretProof.ofToken(token);
        }
        if (flowId == null || code == null) {
            throw new ApiException(new ApiError(HttpStatus.BAD_REQUEST, ApiError.VALIDATION, "Invalid request",
                    "flow_id and code go together.", List.of(new ApiError.FieldProblem(flowId == null ? "flow_id" : "code", "is required with " + (flowId == null ? "code" : "flow_id")))));
        }
        return SecretProof.ofCode(flowId, code);
    }
}
