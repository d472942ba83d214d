package resetkit.variant.zap;

import resetkit.account.Tenant;
import resetkit.reset.PasswordRejected;

import java.util.ArrayList;
import java.util.List;

/** ZAP's documented rule: 8 to 30 characters, at least one digit and one special character. */
final class ZapPasswordRule {
    static final int MIN = 8;
    static final int MAX = 30;

    private ZapPasswordRule() {
    }

    static void check(Tenant tenant, String password) {
        List<String> violations = new ArrayList<>();
        int length = password.codePointCount(0, password.length());
        if (length < MIN || length > MAX) {
            violations.add("must be " + MIN + " to " + MAX + " characters long");
        }
        if (password.codePoints().noneMatch(Character::isDigit)) {
            violations.add("must contain at least one digit");
        }
        if (password.codePoints().noneMatch(ZapPasswordRule::isSpecial)) {
            violations.add("must contain at least one special character");
        }
        if (!violations.isEmpty()) {
            throw new PasswordRejected(violations);
        }
    }

    private static boolean isSpecial(int c) {
        return !Character.isLetterOrDigit(c) && !Character.isWhitespace(c);
    }
}
