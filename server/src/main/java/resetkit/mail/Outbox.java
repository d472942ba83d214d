package resetkit.mail;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import resetkit.support.TimeOrderedIds;

import java.time.Clock;
import java.util.List;

/**
 * The only way a mail leaves resetkit: written in the caller's transaction, delivered later by
 * {@link OutboxWorker}. A mail exists exactly when the change that caused it was committed.
 */
@Singleton
public class Outbox {
    public static final String KIND_RESET = "reset";
    public static final String KIND_PASSWORD_CHANGED = "password_changed";

    private final OutboxRepository messages;
    private final BodySealer sealer;
    private final ResetMailComposer composer;
    private final Clock clock;

    Outbox(OutboxRepository messages, BodySealer sealer, ResetMailComposer composer, Clock clock) {
        this.messages = messages;
        this.sealer = sealer;
        this.composer = composer;
        this.clock = clock;
    }

    public void enqueue(String tenantId, @Nullable String flowId, String sender, String recipient, MailDraft draft) {
        messages.save(prepare(tenantId, flowId, sender, recipient, draft));
    }

    /** A queued mail, its draft sealed, not stored yet: for callers that store several rows at once ({@link #enqueueAll}). */
    public OutboxMessage prepare(String tenantId, @Nullable String flowId, String sender, String recipient, MailDraft draft) {
        var now = clock.instant();
        return new OutboxMessage(TimeOrderedIds.next(), tenantId, draft.kind(), flowId, recipient, sender,
                HeaderText.clean(composer.subject(draft), 300), sealer.seal(draft),
                OutboxStatus.PENDING, 0, now, null, null, null, now, null);
    }

    /** Stores prepared mails in one batched insert, in the caller's transaction. */
    public void enqueueAll(List<OutboxMessage> prepared) {
        if (!prepared.isEmpty()) {
            messages.saveAll(prepared);
        }
    }

    public List<OutboxMessage> list(String tenantId, @Nullable OutboxStatus status, int limit) {
        return status == null ? messages.findOldest(tenantId, limit) : messages.findOldestWithStatus(tenantId, status, limit);
    }

    public long backlog() {
        return messages.countByStatus(OutboxStatus.PENDING);
    }
}
