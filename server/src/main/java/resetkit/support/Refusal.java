package resetkit.support;

/**
 * A request the core refuses on purpose (not a failure). Cheap: no stack trace, and the message
 * never contains a secret.
 */
public abstract class Refusal extends RuntimeException {
    protected Refusal(String message) {
        super(message, null, false, false);
    }
}
