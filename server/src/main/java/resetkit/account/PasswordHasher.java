package resetkit.account;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

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
        this.decoyHash = hasher.hash(cost, "decoy-password-for-timing".getBytes(StandardCharsets.UTF_8));
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

    /** Does the work of one verification, so an unknown account answers as slowly as a known one. */
    public void spendVerificationTime(String password) {
        verifyer.verify(password.getBytes(StandardCharsets.UTF_8), decoyHash);
    }
}
