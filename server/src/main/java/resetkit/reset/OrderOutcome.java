package resetkit.reset;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * What storing one {@link ResetOrder} came to: refused by a rate limit (with the time until it may
 * try again), or counted and stored, with a flow when its account exists.
 */
record OrderOutcome(boolean opened, @Nullable Duration retryAfter) {
    static final OrderOutcome OPENED = new OrderOutcome(true, null);
    static final OrderOutcome NO_ACCOUNT = new OrderOutcome(false, null);

    static OrderOutcome refused(Duration retryAfter) {
        return new OrderOutcome(false, retryAfter);
    }

    boolean refused() {
        return retryAfter != null;
    }
}
