package resetkit.reset;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * A request to start a reset, as every API turns it into: the account identifier, where the link
 * should lead, the mail's language, which API asked, an application name to show in the mail,
 * and (for dialects that document one) a fixed lifetime overriding the tenant's.
 */
public record ResetRequest(
        String identifier,
        @Nullable String redirectUrl,
        @Nullable String locale,
        String channel,
        @Nullable String appName,
        @Nullable Duration lifetime) {

    public static ResetRequest of(String identifier, String channel) {
        return new ResetRequest(identifier, null, null, channel, null, null);
    }
}
