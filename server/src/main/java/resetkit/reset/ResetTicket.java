package resetkit.reset;

import java.time.Instant;

/**
 * What a request returns. For an unknown account the id and token are random values of the same
 * shape that open nothing, so adapters answer both cases alike without knowing which it was.
 */
public record ResetTicket(String flowId, Instant expiresAt, String token) {

    @Override
    public String toString() {
        return "ResetTicket[flowId=" + flowId + ", expiresAt=" + expiresAt + ", token redacted]";
    }
}
