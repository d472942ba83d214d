package resetkit.variant.crux;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import resetkit.api.generated.CruxApi;
import resetkit.api.generated.model.CruxCreatePasswordRequest;
import resetkit.api.generated.model.CruxResetPasswordRequest;
import resetkit.api.generated.model.CruxResetToken;
import resetkit.reset.PasswordResetService;
import resetkit.reset.ResetRequest;
import resetkit.reset.ResetTicket;
import resetkit.reset.SecretProof;
import resetkit.security.CallerTenant;

import java.time.Duration;

/**
 * Crux TIMP: the reset token goes back to the tenant's authenticated backend, which completes the
 * reset with it. Tokens are scoped to the calling tenant; Crux fixes their lifetime at 2 hours.
 */
@Controller
class CruxController implements CruxApi {
    static final String CHANNEL = "crux";
    static final Duration TOKEN_LIFETIME = Duration.ofHours(2);

    private final PasswordResetService resets;

    CruxController(PasswordResetService resets) {
        this.resets = resets;
    }

    @Override
    public HttpResponse<CruxResetToken> cruxResetPassword(CruxResetPasswordRequest body) {
        ResetTicket ticket = resets.request(CallerTenant.current(),
                new ResetRequest(body.getEmail(), null, null, CHANNEL, null, TOKEN_LIFETIME));
        return HttpResponse.ok(new CruxResetToken(ticket.token()));
    }

    @Override
    public HttpResponse<Void> cruxValidatePasswordReset(String token) {
        resets.verify(CallerTenant.current(), SecretProof.ofToken(token));
        return HttpResponse.noContent();
    }

    @Override
    public HttpResponse<Void> cruxCreateNewPassword(CruxCreatePasswordRequest body) {
        resets.complete(CallerTenant.current(), SecretProof.ofToken(body.getToken()), body.getPassword(), null);
        return HttpResponse.noContent();
    }
}
