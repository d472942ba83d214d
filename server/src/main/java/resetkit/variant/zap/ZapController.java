package resetkit.variant.zap;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import reactor.core.publisher.Mono;
import resetkit.account.Account;
import resetkit.account.AccountDirectory;
import resetkit.account.Tenant;
import resetkit.api.generated.ZapApi;
import resetkit.api.generated.model.ZapForgotPasswordRequest;
import resetkit.api.generated.model.ZapMessageResponse;
import resetkit.api.generated.model.ZapPasswordResetData;
import resetkit.api.generated.model.ZapPasswordResetResponse;
import resetkit.api.generated.model.ZapResetPasswordRequest;
import resetkit.api.generated.model.ZapTokenData;
import resetkit.api.generated.model.ZapTokenResponse;
import resetkit.api.generated.model.ZapVerifyOtpRequest;
import resetkit.reset.PasswordResetService;
import resetkit.reset.RejectionReason;
import resetkit.reset.ResetFlow;
import resetkit.reset.ResetRequest;
import resetkit.reset.ResetSecretRejected;
import resetkit.reset.ResetTicket;
import resetkit.reset.SecretProof;
import resetkit.security.CallerTenant;

/**
 * ZAP's forgot-password flow. The token ZAP returns is the flow id, a handle: it opens the flow
 * only after the mailed code was confirmed through /v1/otp/verify (the core's confirmed-code mark),
 * so the API response alone never suffices to take over an account.
 */
// blocking work (JDBC, password hashing) inside the Monos the generated interface asks for
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller
class ZapController implements ZapApi {
    static final String CHANNEL = "zap";
    static final String CHECK_EMAIL = "Please check your email to continue password reset";
    static final String OTP_VERIFIED = "OTP verified";
    static final String PASSWORD_RESET = "Password reset successfully";

    private final PasswordResetService resets;
    private final AccountDirectory directory;

    ZapController(PasswordResetService resets, AccountDirectory directory) {
        this.resets = resets;
        this.directory = directory;
    }

    @Override
    public Mono<HttpResponse<ZapTokenResponse>> zapForgotPassword(ZapForgotPasswordRequest body) {
        return Mono.fromCallable(() -> {
            ResetTicket ticket = resets.request(CallerTenant.current(), ResetRequest.of(body.getEmail(), CHANNEL));
            return HttpResponse.ok(new ZapTokenResponse(true, new ZapTokenData(ticket.flowId(), CHECK_EMAIL)));
        });
    }

    /** The core keeps only digests of codes: a resend is a new reset, which revokes the earlier one. */
    @Override
    public Mono<HttpResponse<ZapTokenResponse>> zapResendOtp(ZapForgotPasswordRequest body) {
        return zapForgotPassword(body);
    }

    @Override
    public Mono<HttpResponse<ZapMessageResponse>> zapVerifyOtp(ZapVerifyOtpRequest body) {
        return Mono.fromCallable(() -> {
            resets.confirmCode(CallerTenant.current(), body.getIdentity(), body.getOtp());
            return HttpResponse.ok(new ZapMessageResponse(true, OTP_VERIFIED));
        });
    }

    @Override
    public Mono<HttpResponse<ZapPasswordResetResponse>> zapResetPassword(String token, ZapResetPasswordRequest body) {
        return Mono.fromCallable(() -> {
            Tenant tenant = CallerTenant.current();
            SecretProof handle = SecretProof.ofConfirmedFlow(token);
            ResetFlow flow = resets.verify(tenant, handle);
            boolean sameAccount = directory.find(tenant.id(), body.getIdentity()).map(Account::id)
                    .filter(flow.accountId()::equals).isPresent();
            if (!sameAccount) {
                throw new ResetSecretRejected(RejectionReason.UNKNOWN);
            }
            resets.complete(tenant, handle, body.getNewPassword(), ZapPasswordRule::check);
            return HttpResponse.ok(new ZapPasswordResetResponse(true, new ZapPasswordResetData(PASSWORD_RESET)));
        });
    }
}
