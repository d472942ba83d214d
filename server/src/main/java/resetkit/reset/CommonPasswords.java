package resetkit.reset;

import jakarta.inject.Singleton;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The bundled list of the 100,000 most common passwords (see resources/passwords/README.md),
 * checked offline. Kept as a sorted array of 64-bit digests: under 1 MB instead of the ~10 MB a
 * set of strings would take, with a negligible chance of a false match.
 */
@Singleton
public class CommonPasswords {
    static final String RESOURCE = "passwords/common-passwords-100k.txt.gz";

    private final long[] digests;

    CommonPasswords() {
        this.digests = load();
    }

    /** Compared case-insensitively: "Password1" is as weak as "password1". */
    public boolean contains(String password) {
        return password != null && Arrays.binarySearch(digests, digest(password)) >= 0;
    }

    public int size() {
        return digests.length;
    }

    private static long[] load() {
        try (InputStream raw = CommonPasswords.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
            long[] out = lines.lines().filter(l -> !l.isEmpty()).mapToLong(CommonPasswords::digest).sorted().distinct().toArray();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long digest(String password) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(password.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
