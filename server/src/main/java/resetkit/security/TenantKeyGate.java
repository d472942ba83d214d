package resetkit.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.filter.FilterContinuation;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import resetkit.api.errors.ApiError;
import resetkit.api.errors.ErrorRenderer;

import java.util.function.Supplier;

/**
 * For the request filters of routes that act for a tenant: admits a presented key (the tenant
 * becomes the request's {@link CallerTenant}) and lets the request go on, or answers with the
 * refusal in the route's dialect. Filters run on the event loop: the answer comes at once from
 * this instance's cache, and only a key or tenant it cannot answer for is looked up on the
 * blocking executor ({@link TenantKeys#authenticateAsync}).
 */
@Singleton
public class TenantKeyGate {
    private final TenantKeys tenantKeys;
    private final ErrorRenderer errors;

    TenantKeyGate(TenantKeys tenantKeys, ErrorRenderer errors) {
        this.tenantKeys = tenantKeys;
        this.errors = errors;
    }

    /** Refused with {@code status} and {@code detail} (401 carries WWW-Authenticate). */
    public Publisher<HttpResponse<?>> admit(HttpRequest<?> request, @Nullable String presentedKey, HttpStatus status, String detail,
                                            FilterContinuation<Publisher<HttpResponse<?>>> next) {
        return admit(request, presentedKey, () -> refuse(request, status, detail), next::proceed);
    }

    /** Refused with {@code refusal}, for dialects whose refusal is not a plain 401/403 with a detail. */
    public Publisher<HttpResponse<?>> admit(HttpRequest<?> request, @Nullable String presentedKey, ApiError refusal,
                                            FilterContinuation<Publisher<HttpResponse<?>>> next) {
        return admit(request, presentedKey, () -> errors.render(request, refusal), next::proceed);
    }

    /** {@code admitted}: what an admitted request leads to (usually the rest of the chain). */
    public Publisher<HttpResponse<?>> admit(HttpRequest<?> request, @Nullable String presentedKey,
                                            Supplier<? extends HttpResponse<?>> refusal,
                                            Supplier<Publisher<HttpResponse<?>>> admitted) {
        return Mono.fromCompletionStage(tenantKeys.authenticateAsync(request, presentedKey))
                .flatMap(tenant -> tenant.isPresent() ? Mono.from(admitted.get()) : Mono.just(refusal.get()));
    }

    public MutableHttpResponse<?> refuse(HttpRequest<?> request, HttpStatus status, String detail) {
        MutableHttpResponse<?> response = errors.render(request, ApiError.of(status, ApiError.UNAUTHORIZED, status.getReason(), detail));
        return status == HttpStatus.UNAUTHORIZED ? response.header("WWW-Authenticate", "Bearer") : response;
    }

    public MutableHttpResponse<?> render(HttpRequest<?> request, ApiError error) {
        return errors.render(request, error);
    }
}
