package resetkit.reset;

import jakarta.inject.Singleton;
import resetkit.account.Tenant;

import java.util.ArrayList;
import java.util.List;

/**
 * The native password rules: at least the tenant's minimum length (default 12), at most 256
 * characters, not only whitespace, and not one of the 100,000 most common passwords. Every rule
 * the password breaks is named in the refusal.
 */
@Singleton
public class PasswordPolicy {
    public static final int MAX_LENGTH = 256;

    private final CommonPasswords commonPasswords;

    PasswordPolicy(CommonPasswords commonPasswords) {
        this.commonPasswords = commonPasswords;
    }

    public void check(Tenant tenant, String password) {
        List<String> violations = new ArrayList<>();
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < tenant.minPasswordLength()) {
            violations.add("must be at least " + tenant.minPasswordLength() + " characters long");
        }
        if (length > MAX_LENGTH) {
            violations.add("must be at most " + MAX_LENGTH + " characters long");
        }
        if (password != null && length > 0 && password.isBlank()) {
            violations.add("must not be only whitespace");
        }
        if (commonPasswords.contains(password)) {
            violations.add("must not be a commonly used password (it is on the list of the 100,000 most common)");
        }
        if (!violations.isEmpty()) {
            throw new PasswordRejected(violations);
        }
    }
}
