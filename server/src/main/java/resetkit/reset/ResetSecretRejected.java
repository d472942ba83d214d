package resetkit.reset;

import resetkit.support.Refusal;
import io.micronaut.core.annotation.Nullable;

/** The presented token or code does not open a usable flow. */
public class ResetSecretRejected extends Refusal {
    private final RejectionReason reason;
    private final ResetFlow flow;

    public ResetSecretRejected(RejectionReason reason) {
        this(reason, null);
    }

    public ResetSecretRejected(RejectionReason reason, @Nullable ResetFlow flow) {
        super("reset secret rejected: " + reason);
        this.reason = reason;
        this.flow = flow;
    }

    public RejectionReason reason() {
        return reason;
    }

    /** The flow the secret pointed at, when there was one. */
    @Nullable
    public ResetFlow flow() {
        return flow;
    }
}
