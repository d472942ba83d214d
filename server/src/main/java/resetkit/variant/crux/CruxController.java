package resetkit.variant.crux;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import reactor.core.publisher.Mono;
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
// blocking work (JDBC, password hashing) inside the Monos the generated interface asks for
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller
class CruxController implements CruxApi {
    static final String CHANNEL = "crux";
    static final Duration TOKEN_LIFETIME = Duration.ofHours(2);

    private final PasswordResetService resets;

    CruxController(PasswordResetService resets) {
        this.resets = resets;
    }

    @Override
    public Mono<HttpResponse<CruxResetToken>> cruxResetPassword(CruxResetPasswordRequest body) {
        return Mono.fromCallable(() -> {
            ResetTicket ticket = resets.request(CallerTenant.current(),
                    new ResetRequest(body.getEmail(), null, null, CHANNEL, null, TOKEN_LIFETIME));
            return HttpResponse.ok(new CruxResetToken(ticket.token()));
        });
    }

    @Override
    public Mono<HttpResponse<Void>> cruxValidatePasswordReset(String token) {
        return Mono.fromCallable(() -> {
            resets.verify(CallerTenant.current(), SecretProof.ofToken(token));
            return HttpResponse.noContent();
        });
    }

    @Override
    public Mono<HttpResponse<Void>> cruxCreateNewPassword(CruxCreatePasswordRequest body) {
        return Mono.fromCallable(() -> {
            resets.complete(CallerTenant.current(), SecretProof.ofToken(body.getToken()), body.getPassword(), null);
            return HttpResponse.noContent();
        });
    }
}
