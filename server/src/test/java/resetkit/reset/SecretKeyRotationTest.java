package resetkit.reset;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Secrets digested under an old HMAC key still verify after a new key is put first. */
class SecretKeyRotationTest {

    static ResetSettings keys(String... keys) {
        ResetSettings settings = new ResetSettings();
        settings.setHmacKeys(List.of(keys));
        return settings;
    }

    @Test
    void lookupsTryEveryConfiguredKey() {
        SecretDigester before = new SecretDigester(keys("old-key"));
        String storedToken = before.tokenDigest("the-token");
        String storedCode = before.codeDigest("flow-1", "123456");

        SecretDigester after = new SecretDigester(keys("new-key", "old-key"));
        assertNotEquals(storedToken, after.tokenDigest("the-token"), "new secrets use the new key");
        assertTrue(after.tokenDigestCandidates("the-token").contains(storedToken));
        assertTrue(after.tokenMatches("the-token", storedToken));
        assertFalse(after.tokenMatches("the-tokeN", storedToken));
        assertTrue(after.codeMatches("flow-1", "123456", storedCode));
        assertFalse(after.codeMatches("flow-2", "123456", storedCode), "a code is bound to its flow");
        assertFalse(after.codeMatches("flow-1", "123457", storedCode));

        SecretDigester dropped = new SecretDigester(keys("new-key"));
        assertFalse(dropped.tokenDigestCandidates("the-token").contains(storedToken), "a removed key opens nothing");
        assertFalse(dropped.tokenMatches("the-token", storedToken), "a removed key opens nothing");
        assertEquals(64, storedToken.length());
    }
}
