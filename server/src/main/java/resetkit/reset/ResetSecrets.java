package resetkit.reset;

import resetkit.support.RandomSecrets;

/** The two secrets of a new flow, in clear: they exist only in memory and in the sealed mail. */
public record ResetSecrets(String token, String code) {

    /** 32 random bytes (256 bits) for the link token, URL-safe. */
    static ResetSecrets generate(int codeLength) {
        return new ResetSecrets(RandomSecrets.urlSafe(32), RandomSecrets.digits(codeLength));
    }

    @Override
    public String toString() {
        return "ResetSecrets[redacted]";
    }
}
