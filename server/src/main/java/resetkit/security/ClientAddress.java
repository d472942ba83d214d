package resetkit.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;
import resetkit.ratelimit.RateLimitSettings;

/** The client IP of the current request: the peer address, or X-Forwarded-For behind a trusted proxy. */
@Singleton
public class ClientAddress {
    private final RateLimitSettings settings;

    ClientAddress(RateLimitSettings settings) {
        this.settings = settings;
    }

    @Nullable
    public String current() {
        return ServerRequestContext.currentRequest().map(this::of).orElse(null);
    }

    @Nullable
    String of(HttpRequest<?> request) {
        if (settings.isTrustForwardedFor()) {
            String forwarded = request.getHeaders().get("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].trim();
            }
        }
        var remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
    }
}
