package resetkit.ratelimit;

import resetkit.support.Refusal;

import java.time.Duration;

/** Too many requests for one identifier, client address or tenant; says when to try again. */
public class RateLimited extends Refusal {
    private final Duration retryAfter;

    public RateLimited(Duration retryAfter) {
        super("Too many password reset requests; try again later.");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least 1: the value of a Retry-After header. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
