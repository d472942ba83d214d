package resetkit.reset;

import resetkit.support.Refusal;
import java.util.List;

/** The new password breaks the policy; each entry names one failed rule. */
public class PasswordRejected extends Refusal {
    private final List<String> violations;

    public PasswordRejected(List<String> violations) {
        super("password rejected: " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
