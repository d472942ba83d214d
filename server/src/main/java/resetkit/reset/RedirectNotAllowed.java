package resetkit.reset;

import resetkit.support.Refusal;

/** A reset link would point outside the tenant's allow-list (reset-link poisoning). */
public class RedirectNotAllowed extends Refusal {
    public RedirectNotAllowed() {
        super("The redirect URL is not on the tenant's list of allowed redirect URLs.");
    }
}
