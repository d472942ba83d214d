package resetkit.account;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import resetkit.support.RandomSecrets;

import java.nio.charset.StandardCharsets;

/**
 * bcrypt with a configurable cost. Passwords longer than bcrypt's 72-byte input are pre-hashed
 * with SHA-512 rather than silently truncated.
 */
@Singleton
public class PasswordHasher {
    private final int cost;
    private final BCrypt.Hasher hasher;
    private final BCrypt.Verifyer verifyer;
    private final byte[] decoyHash;

    PasswordHasher(@Value("${resetkit.password.bcrypt-cost:10}") int cost) {
        this.cost = cost;
        this.hasher = BCrypt.with(BCrypt.Version.VERSION_2B, LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2B));
        this.verifyer = BCrypt.verifyer(BCrypt.Version.VERSION_2B, LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2B));
        this.decoyHash = decoy(cost);
    }

    /*
     * A well-formed hash of the configured cost with a random salt and a random digest: checking a
     * password against it costs what a real check costs, and no password matches it. Hashing a
     * decoy password instead spent a whole bcrypt computation on every start.
     */
    private static byte[] decoy(int cost) {
        BCrypt.Version version = BCrypt.Version.VERSION_2B;
        return version.formatter.createHashMessage(new BCrypt.HashData(cost, version,
                RandomSecrets.bytes(BCrypt.SALT_LENGTH), RandomSecrets.bytes(23)));
    }

    public String hash(String password) {
        return new String(hasher.hash(cost, password.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    public boolean matches(String password, String storedHash) {
        if (storedHash == null) {
            spendVerificationTime(password);
            return false;
        }
        return verifyer.verify(password.getBytes(StandardCharsets.UTF_8), storedHash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    String decoyHash() {
        return new String(decoyHash, StandardCharsets.UTF_8);
    }

    /** Does the work of one verification, so an unknown account answers as slowly as a known one. */
    public void spendVerificationTime(String password) {
        verifyer.verify(password.getBytes(StandardCharsets.UTF_8), decoyHash);
    }
}
