package resetkit.reset;

import io.micronaut.core.annotation.Nullable;

/** What a caller presents to act on a flow: the link token, or the flow id with its code. */
public record SecretProof(@Nullable String token, @Nullable String flowId, @Nullable String code) {

    public static SecretProof ofToken(String token) {
        return new SecretProof(token, null, null);
    }

    public static SecretProof ofCode(String flowId, String code) {
        return new SecretProof(null, flowId, code);
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
