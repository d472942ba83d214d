package resetkit.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
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

    @Override
    public HttpResponse<PasswordResetAccepted> requestPasswordReset(PasswordResetRequest body) {
        ResetTicket ticket = resets.request(CallerTenant.current(),
                new ResetRequest(body.getIdentifier(), body.getRedirectUrl(), body.getLocale(), CHANNEL, null, null));
        return HttpResponse.status(HttpStatus.ACCEPTED)
                .body(new PasswordResetAccepted(ticket.flowId(), Times.utc(ticket.expiresAt())));
    }

    @Override
    public HttpResponse<VerifyResetResponse> verifyPasswordReset(VerifyResetRequest body) {
        ResetFlow flow = resets.verify(proof(body.getToken(), body.getFlowId(), body.getCode()));
        return HttpResponse.ok(new VerifyResetResponse(Times.utc(flow.expiresAt())));
    }

    @Override
    public HttpResponse<Void> completePasswordReset(CompleteResetRequest body) {
        resets.complete(proof(body.getToken(), body.getFlowId(), body.getCode()), body.getNewPassword());
        return HttpResponse.noContent();
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
