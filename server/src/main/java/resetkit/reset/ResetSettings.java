package resetkit.reset;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/** Keys and limits of reset secrets. */
@ConfigurationProperties("resetkit.reset")
public class ResetSettings {
    /**
     * HMAC keys for reset secrets, newest first: new secrets use the first, lookups try all, so a
     * key can be rotated without breaking open flows. The default is for development only.
     */
    private List<String> hmacKeys = new ArrayList<>(List.of("dev-only-hmac-key-change-me-in-production"));
    private int maxCodeAttempts = 5;
    private int codeLength = 6;

    public List<String> getHmacKeys() {
        return hmacKeys;
    }

    public void setHmacKeys(List<String> hmacKeys) {
        this.hmacKeys = hmacKeys;
    }

    public int getMaxCodeAttempts() {
        return maxCodeAttempts;
    }

    public void setMaxCodeAttempts(int maxCodeAttempts) {
        this.maxCodeAttempts = maxCodeAttempts;
    }

    public int getCodeLength() {
        return codeLength;
    }

    public void setCodeLength(int codeLength) {
        this.codeLength = codeLength;
    }
}
