package resetkit.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import resetkit.support.RowInserter;
import resetkit.support.TimeOrderedIds;

import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The only way a mail leaves resetkit: written in the caller's transaction, delivered later by
 * {@link OutboxWorker}. A mail exists exactly when the change that caused it was committed; once
 * committed it is handed to this process's worker at once ({@link HandOff}).
 */
@Singleton
public class Outbox {
    public static final String KIND_RESET = "reset";
    public static final String KIND_PASSWORD_CHANGED = "password_changed";

    private final OutboxRepository messages;
    private final BodySealer sealer;
    private final ResetMailComposer composer;
    private final Clock clock;
    private final HandOff handOff;
    private final MailSettings settings;
    private final TransactionOperations<Connection> transactions;
    private final RowInserter inserter;

    Outbox(OutboxRepository messages, BodySealer sealer, ResetMailComposer composer, Clock clock, HandOff handOff,
           MailSettings settings, TransactionOperations<Connection> transactions, RowInserter inserter) {
        this.messages = messages;
        this.inserter = inserter;
        this.handOff = handOff;
        this.settings = settings;
        this.transactions = transactions;
        this.sealer = sealer;
        this.composer = composer;
        this.clock = clock;
    }

    /** Stores one mail in the caller's transaction. */
    public void enqueue(String tenantId, @Nullable String flowId, String sender, String recipient, MailDraft draft) {
        enqueueAll(List.of(prepare(tenantId, flowId, sender, recipient, draft)));
    }

    /** A queued mail, its draft sealed, not stored yet: for callers that store several rows at once ({@link #enqueueAll}). */
    public PreparedMail prepare(String tenantId, @Nullable String flowId, String sender, String recipient, MailDraft draft) {
        var now = clock.instant();
        return new PreparedMail(new OutboxMessage(TimeOrderedIds.next(), tenantId, draft.kind(), flowId, recipient, sender,
                HeaderText.clean(composer.subject(draft), 300), sealer.seal(draft),
                OutboxStatus.PENDING, 0, now, null, null, null, now, null), draft);
    }

    /**
     * Stores prepared mails in one batched insert, in the caller's transaction. Inside a transaction
     * they are stored claimed for this process's worker, which gets them when it commits.
     */
    public void enqueueAll(List<PreparedMail> prepared) {
        if (prepared.isEmpty()) {
            return;
        }
        Optional<? extends TransactionStatus<?>> transaction = transactions.findTransactionStatus();
        String claim = transaction.isPresent() ? handOff.claim() : null;
        List<PreparedMail> rows = prepared;
        if (claim != null) {
            var until = clock.instant().plus(settings.getClaimLease());
            List<PreparedMail> claimed = prepared.stream().map(m -> m.claimedBy(claim, until)).toList();
            // registered before the insert: whatever happens next, the claim ends with the transaction
            transaction.get().registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(Status status) {
                    if (status == Status.COMMITTED) {
                        handOff.committed(claimed);
                    } else {
                        handOff.rolledBack();
                    }
                }
            });
            rows = claimed;
        }
        inserter.insertAll(OutboxMessage.TABLE, rows.stream().map(PreparedMail::message).toList());
    }

    public List<OutboxMessage> list(String tenantId, @Nullable OutboxStatus status, int limit) {
        return status == null ? messages.findOldest(tenantId, limit) : messages.findOldestWithStatus(tenantId, status, limit);
    }

    public long backlog() {
        return messages.countByStatus(OutboxStatus.PENDING);
    }
}
