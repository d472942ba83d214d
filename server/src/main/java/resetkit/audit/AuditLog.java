package resetkit.audit;

import jakarta.inject.Singleton;
import resetkit.support.RowInserter;
import resetkit.support.TimeOrderedIds;

import java.time.Clock;
import java.util.List;

/**
 * Writes one event per outcome. Joins the caller's transaction when there is one, so an event
 * exists exactly when the change it describes was committed. Details never hold secrets.
 */
@Singleton
public class AuditLog {
    public static final String RESET_REQUESTED = "reset.requested";
    public static final String RESET_REQUESTED_UNKNOWN = "reset.requested_unknown_account";
    public static final String RESET_REJECTED_REDIRECT = "reset.rejected_redirect";
    public static final String RESET_RATE_LIMITED = "reset.rate_limited";
    public static final String RESET_VERIFIED = "reset.verified";
    public static final String RESET_COMPLETED = "reset.completed";
    public static final String RESET_REJECTED = "reset.rejected";
    public static final String RESET_LOCKED = "reset.locked";
    public static final String MAIL_DELIVERED = "mail.delivered";
    public static final String MAIL_RETRY = "mail.retry";
    public static final String MAIL_PARKED = "mail.parked";
    public static final String CREDENTIALS_ACCEPTED = "credentials.accepted";
    public static final String CREDENTIALS_REJECTED = "credentials.rejected";

    private static final int MAX_DETAIL = 500;

    private final AuditEventRepository events;
    private final Clock clock;
    private final RowInserter inserter;

    AuditLog(AuditEventRepository events, Clock clock, RowInserter inserter) {
        this.events = events;
        this.inserter = inserter;
        this.clock = clock;
    }

    public void record(String tenantId, String type, String flowId, String accountId, String detail) {
        events.save(new AuditEvent(TimeOrderedIds.next(), tenantId, type, flowId, accountId, clip(detail), clock.instant()));
    }

    /** Several events in one batched insert (the outbox worker records a delivered batch at once). */
    public void recordAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        var now = clock.instant();
        inserter.insertAll(AuditEvent.TABLE, entries.stream()
                .map(e -> new AuditEvent(TimeOrderedIds.next(), e.tenantId(), e.type(), e.flowId(), e.accountId(),
                        clip(e.detail()), now))
                .toList());
    }

    public record Entry(String tenantId, String type, String flowId, String accountId, String detail) {
    }

    private static String clip(String detail) {
        return detail != null && detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
    }

    public List<AuditEvent> newest(String tenantId, int limit) {
        return events.findNewest(tenantId, limit);
    }
}
