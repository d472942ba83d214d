package resetkit.reset;

import io.micronaut.core.annotation.Nullable;

/**
 * What a caller presents to act on a flow: the link token, or the flow id with its code, or (for
 * dialects that confirm the code in a step of its own) the flow id alone, which opens the flow only
 * once its code has been confirmed.
 */
public record SecretProof(@Nullable String token, @Nullable String flowId, @Nullable String code, boolean confirmedHandle) {

    public SecretProof(@Nullable String token, @Nullable String flowId, @Nullable String code) {
        this(token, flowId, code, false);
    }

    public static SecretProof ofToken(String token) {
        return new SecretProof(token, null, null);
    }

    public static SecretProof ofCode(String flowId, String code) {
        return new SecretProof(null, flowId, code);
    }

    /** The flow id alone; accepted only for a flow whose code was confirmed with {@code confirmCode}. */
    public static SecretProof ofConfirmedFlow(String flowId) {
        return new SecretProof(null, flowId, null, true);
    }

    public boolean hasConfirmedHandle() {
        return confirmedHandle && flowId != null && !flowId.isEmpty();
    }

    public boolean hasToken() {
        return token != null && !token.isEmpty();
    }

    public boolean hasCode() {
        return flowId != null && !flowId.isEmpty() && code != null && !code.isEmpty();
    }

    @Override
    public String toString() {
        return "SecretProof[flowId=" + flowId + ", secrets redacted]";
    }
}
