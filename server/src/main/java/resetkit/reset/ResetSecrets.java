package resetkit.reset;

import resetkit.support.RandomSecrets;

/** The two secrets of a new flow, in clear: they exist only in memory and in the sealed mail. */
public record ResetSecrets(String token, String code) {

    /** A link token naming the flow (with 256 random bits, see {@link LinkTokens}) and a numeric code. */
    static ResetSecrets generate(String flowId, int codeLength) {
        return new ResetSecrets(LinkTokens.issue(flowId), RandomSecrets.digits(codeLength));
    }

    @Override
    public String toString() {
        return "ResetSecrets[redacted]";
    }
}
