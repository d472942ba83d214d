package resetkit.hosted;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * What the hosted page shows: the form (with the reasons of a refused attempt), the success
 * notice, or the "invalid or expired link" notice.
 */
@Introspected
public record HostedPage(String state, @Nullable String token, @Nullable String serviceName, int minLength,
                         List<String> errors) {
    static final String FORM = "form";
    static final String DONE = "done";
    static final String INVALID = "invalid";

    static HostedPage form(String token, String serviceName, int minLength, List<String> errors) {
        return new HostedPage(FORM, token, serviceName, minLength, errors);
    }

    static HostedPage done() {
        return new HostedPage(DONE, null, null, 0, List.of());
    }

    static HostedPage invalid() {
        return new HostedPage(INVALID, null, null, 0, List.of());
    }
}
