package resetkit.reset;

import jakarta.inject.Singleton;
import resetkit.account.Tenant;

import java.util.ArrayList;
import java.util.List;

/** The native password rules: the tenant's minimum length (default 12) and a maximum of 256. */
@Singleton
public class PasswordPolicy {
    public static final int MAX_LENGTH = 256;

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
        if (!violations.isEmpty()) {
            throw new PasswordRejected(violations);
        }
    }
}
