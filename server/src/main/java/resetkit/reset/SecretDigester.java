package resetkit.reset;

import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Keyed HMAC-SHA256 digests of reset secrets. A stolen database alone does not let anyone test
 * guesses offline. Codes are bound to their flow so one digest says nothing about another flow.
 */
@Singleton
public class SecretDigester {
    /*
     * One initialised Mac per key and thread: looking one up (a walk of the provider list) and
     * keying it took nine tenths of each digest's time, two digests per reset request. A Mac
     * resets itself after doFinal, ready for the next value under the same key.
     */
    private final List<ThreadLocal<Mac>> keys;

    SecretDigester(ResetSettings settings) {
        if (settings.getHmacKeys() == null || settings.getHmacKeys().isEmpty()) {
            throw new IllegalStateException("resetkit.reset.hmac-keys must hold at least one key");
        }
        this.keys = settings.getHmacKeys().stream()
                .map(k -> new SecretKeySpec(k.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .map(key -> ThreadLocal.withInitial(() -> keyed(key)))
                .toList();
    }

    public String tokenDigest(String token) {
        return hmac(keys.get(0), "token:" + token);
    }

    /** The token's digest under every configured key, for looking up a token issued before tokens named their flow. */
    public List<String> tokenDigestCandidates(String token) {
        return keys.stream().map(k -> hmac(k, "token:" + token)).toList();
    }

    public String codeDigest(String flowId, String code) {
        return hmac(keys.get(0), "code:" + flowId + ":" + code);
    }

    public boolean codeMatches(String flowId, String code, String storedDigest) {
        return matchesUnderAnyKey("code:" + flowId + ":" + code, storedDigest);
    }

    /** Whether a token found its flow by the id it carries (see {@link LinkTokens}) and is that flow's token. */
    public boolean tokenMatches(String token, String storedDigest) {
        return matchesUnderAnyKey("token:" + token, storedDigest);
    }

    // every key is tried and the comparison takes the same time wherever the digests differ
    private boolean matchesUnderAnyKey(String value, String storedDigest) {
        byte[] stored = storedDigest.getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (ThreadLocal<Mac> key : keys) {
            match |= MessageDigest.isEqual(hmac(key, value).getBytes(StandardCharsets.US_ASCII), stored);
        }
        return match;
    }

    private static String hmac(ThreadLocal<Mac> key, String value) {
        return HexFormat.of().formatHex(key.get().doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static Mac keyed(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
