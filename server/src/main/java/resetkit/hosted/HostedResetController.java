package resetkit.hosted;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.views.ModelAndView;
import resetkit.account.Tenant;
import resetkit.account.TenantAdministration;
import resetkit.reset.PasswordRejected;
import resetkit.reset.PasswordResetService;
import resetkit.reset.ResetFlow;
import resetkit.reset.ResetSecretRejected;
import resetkit.reset.SecretProof;

import java.util.List;

/**
 * resetkit's own reset page, linked from the mail of a tenant without a base URL of its own.
 * GET only looks at the token (mail scanners follow links, so a GET must burn nothing); the
 * form POSTs the token back in a hidden field and completes through the core.
 */
@Controller("/reset")
public class HostedResetController {
    static final String VIEW = "hosted/reset";
    static final String MISMATCH = "The two passwords do not match. Type the same new password in both fields.";

    private final PasswordResetService resets;
    private final TenantAdministration tenants;

    HostedResetController(PasswordResetService resets, TenantAdministration tenants) {
        this.resets = resets;
        this.tenants = tenants;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<ModelAndView<HostedPage>> show(@QueryValue @Nullable String token) {
        return form(token, List.of());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<ModelAndView<HostedPage>> complete(@Nullable String token, @Nullable String password,
                                                           @Nullable String confirmation) {
        String chosen = password == null ? "" : password;
        if (!chosen.equals(confirmation == null ? "" : confirmation)) {
            // caught before the core sees anything, so a typo costs the person nothing
            return form(token, List.of(MISMATCH));
        }
        try {
            resets.complete(SecretProof.ofToken(token == null ? "" : token), chosen);
            return HttpResponse.ok(view(HostedPage.done()));
        } catch (ResetSecretRejected e) {
            return invalid();
        } catch (PasswordRejected e) {
            return form(token, e.violations().stream().map(v -> "The new password " + v + ".").toList());
        }
    }

    /** The form for a usable token (refused with reasons when there are any), else the invalid-link notice. */
    private HttpResponse<ModelAndView<HostedPage>> form(@Nullable String token, List<String> errors) {
        if (token == null || token.isBlank()) {
            return invalid();
        }
        ResetFlow flow;
        try {
            flow = resets.verify(SecretProof.ofToken(token));
        } catch (ResetSecretRejected e) {
            return invalid();
        }
        Tenant tenant = tenants.requireTenant(flow.tenantId());
        HostedPage page = HostedPage.form(token, tenant.name(), tenant.minPasswordLength(), errors);
        return errors.isEmpty() ? HttpResponse.ok(view(page)) : refused(page);
    }

    private HttpResponse<ModelAndView<HostedPage>> invalid() {
        return refused(HostedPage.invalid());
    }

    private static HttpResponse<ModelAndView<HostedPage>> refused(HostedPage page) {
        return HttpResponse.<ModelAndView<HostedPage>>status(HttpStatus.BAD_REQUEST).body(view(page));
    }

    private static ModelAndView<HostedPage> view(HostedPage page) {
        return new ModelAndView<>(VIEW, page);
    }

}
