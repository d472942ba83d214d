package resetkit.ratelimit;

/**
 * Another transaction created a counter this one was about to create. Nothing was counted twice
 * and nothing lost (the transaction rolls back); counting again finds the counter and locks it.
 */
public class CountersRaced extends RuntimeException {
    CountersRaced(Throwable cause) {
        super("a rate limit counter was created concurrently; count again", cause);
    }
}
