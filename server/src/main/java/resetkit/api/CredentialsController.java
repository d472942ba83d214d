package resetkit.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import resetkit.account.CredentialCheck;
import resetkit.api.errors.ApiError;
import resetkit.api.errors.ApiException;
import resetkit.api.generated.CredentialsApi;
import resetkit.api.generated.model.CredentialCheckResult;
import resetkit.security.CallerTenant;

@Controller
public class CredentialsController implements CredentialsApi {
    private final CredentialCheck credentials;

    CredentialsController(CredentialCheck credentials) {
        this.credentials = credentials;
    }

    @Override
    public HttpResponse<CredentialCheckResult> verifyCredentials(resetkit.api.generated.model.CredentialCheck body) {
        return credentials.verify(CallerTenant.current().id(), body.getIdentifier(), body.getPassword())
                .map(id -> HttpResponse.ok(new CredentialCheckResult(id)))
                .orElseThrow(() -> new ApiException(ApiError.of(HttpStatus.UNAUTHORIZED, ApiError.UNAUTHORIZED,
                        "Invalid credentials", "The identifier or password is wrong.")));
    }
}
