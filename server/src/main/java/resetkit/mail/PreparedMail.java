package resetkit.mail;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * An outbox row and, while it is still in this process's memory, the draft its sealed body holds:
 * a mail handed straight to the worker after its commit is rendered from the draft, without reading
 * the row back or opening the seal. A row read from the database has no draft.
 */
public record PreparedMail(OutboxMessage message, @Nullable MailDraft draft) {

    static PreparedMail stored(OutboxMessage message) {
        return new PreparedMail(message, null);
    }

    PreparedMail claimedBy(String claim, Instant until) {
        return new PreparedMail(message.claimedBy(claim, until), draft);
    }
}
