package resetkit.reset;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The digests are plain HMAC-SHA256 whichever thread computes them and however often its Mac was used before. */
class SecretDigesterTest {
    private static final String CURRENT = "current-key-0123456789abcdef0123456789";
    private static final String PREVIOUS = "previous-key-0123456789abcdef012345678";

    private final SecretDigester digester = digester(List.of(CURRENT, PREVIOUS));

    @Test
    void digestsAreHmacSha256UnderTheFirstKeyEvenWhenTheThreadsMacIsReused() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(hmac(CURRENT, "token:abc" + i), digester.tokenDigest("abc" + i));
            assertEquals(hmac(CURRENT, "code:flow-1:12345" + i), digester.codeDigest("flow-1", "12345" + i));
        }
        assertEquals(List.of(hmac(CURRENT, "token:abc"), hmac(PREVIOUS, "token:abc")), digester.tokenDigestCandidates("abc"));
    }

    @Test
    void aCodeMatchesUnderAnyKeyAndOnlyItsOwnFlow() throws Exception {
        assertTrue(digester.codeMatches("flow-1", "123456", hmac(PREVIOUS, "code:flow-1:123456")));
        assertFalse(digester.codeMatches("flow-2", "123456", hmac(CURRENT, "code:flow-1:123456")));
    }

    @Test
    void threadsComputingAtOnceGetTheSameDigests() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Boolean>> results = IntStream.range(0, 2000)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> digester.tokenDigest("t" + i).equals(expected("t" + i)), pool))
                    .toList();
            assertTrue(results.stream().allMatch(CompletableFuture::join));
        } finally {
            pool.shutdown();
        }
    }

    private static String expected(String token) {
        try {
            return hmac(CURRENT, "token:" + token);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(String key, String value) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static SecretDigester digester(List<String> keys) {
        ResetSettings settings = new ResetSettings();
        settings.setHmacKeys(keys);
        return new SecretDigester(settings);
    }
}
