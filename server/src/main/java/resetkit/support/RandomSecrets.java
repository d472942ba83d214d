package resetkit.support;

import java.security.SecureRandom;
import java.util.Base64;

/** The only source of secret randomness: link tokens, codes and API keys. */
public final class RandomSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomSecrets() {
    }

    /** {@code bytes} random bytes as URL-safe base64 without padding. */
    public static String urlSafe(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(bytes));
    }

    public static byte[] bytes(int count) {
        byte[] buffer = new byte[count];
        RANDOM.nextBytes(buffer);
        return buffer;
    }

    /** A uniformly random string of {@code length} decimal digits. */
    public static String digits(int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(RANDOM.nextInt(10));
        }
        return code.toString();
    }
}
