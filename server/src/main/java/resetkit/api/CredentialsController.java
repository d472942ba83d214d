package resetkit.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import reactor.core.publisher.Mono;
import resetkit.account.CredentialCheck;
import resetkit.api.errors.ApiError;
import resetkit.api.errors.ApiException;
import resetkit.api.generated.CredentialsApi;
import resetkit.api.generated.model.CredentialCheckResult;
import resetkit.security.CallerTenant;

// blocking work (JDBC, password hashing) inside the Monos the generated interface asks for
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller
public class CredentialsController implements CredentialsApi {
    private final CredentialCheck credentials;

    CredentialsController(CredentialCheck credentials) {
        this.credentials = credentials;
    }

    @Override
    public Mono<HttpResponse<CredentialCheckResult>> verifyCredentials(resetkit.api.generated.model.CredentialCheck body) {
        return Mono.fromCallable(() -> credentials.verify(CallerTenant.current().id(), body.getIdentifier(), body.getPassword())
                .map(id -> HttpResponse.ok(new CredentialCheckResult(id)))
                .orElseThrow(() -> new ApiException(ApiError.of(HttpStatus.UNAUTHORIZED, ApiError.UNAUTHORIZED,
                        "Invalid credentials", "The identifier or password is wrong."))));
    }
}
