package resetkit.mail;

import io.micronaut.context.annotation.Requires;
import io.micronaut.email.javamail.sender.JavaxEmailComposer;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;

import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Sends over SMTP through micronaut-email-javamail; active as soon as an SMTP host is configured.
 * A batch keeps one SMTP connection open for all its mails (one handshake instead of one per mail)
 * and opens a fresh one after a failed send, so one refused mail cannot break the rest. A batch
 * that ends well hands its connection on to the next batch; a kept connection idle for longer than
 * {@link #IDLE_LIMIT} is closed rather than reused, before a relay's own idle timeout can break it
 * under a mail.
 */
@Singleton
@Requires(property = "resetkit.smtp.host")
public class SmtpMailTransport implements MailTransport {
    static final Duration IDLE_LIMIT = Duration.ofSeconds(20);

    private final JavaxEmailComposer composer;
    private final SmtpSessionProvider sessions;
    private final Deque<Kept> idle = new ConcurrentLinkedDeque<>();

    private record Kept(Transport transport, long since) {
    }

    SmtpMailTransport(JavaxEmailComposer composer, SmtpSessionProvider sessions) {
        this.composer = composer;
        this.sessions = sessions;
    }

    @Override
    public void send(OutgoingMail mail) throws Exception {
        try (Batch batch = openBatch()) {
            batch.send(mail);
        }
    }

    @Override
    public Batch openBatch() {
        return new ConnectionBatch(takeIdle());
    }

    private Transport takeIdle() {
        Kept kept;
        while ((kept = idle.pollFirst()) != null) {
            if (System.nanoTime() - kept.since() < IDLE_LIMIT.toNanos()) {
                return kept.transport();
            }
            closeQuietly(kept.transport());
        }
        return null;
    }

    @PreDestroy
    void closeIdle() {
        Kept kept;
        while ((kept = idle.pollFirst()) != null) {
            closeQuietly(kept.transport());
        }
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            // the connection is gone either way
        }
    }

    private final class ConnectionBatch implements Batch {
        private Transport transport;
        private boolean kept;

        ConnectionBatch(Transport kept) {
            this.transport = kept;
            this.kept = kept != null;
        }

        @Override
        public void send(OutgoingMail mail) throws Exception {
            Message message = Emails.compose(composer, mail);
            if (kept) {
                kept = false;
                try {
                    deliver(message);
                    return;
                } catch (MessagingException stale) {
                    // the relay may have dropped the kept connection: the mail gets a fresh one below
                }
            }
            deliver(message);
        }

        /** A connection that fails is closed; the next send opens a fresh one. */
        private void deliver(Message message) throws MessagingException {
            try {
                // not transport.isConnected(): that sends a NOOP, a round trip per mail
                if (transport == null) {
                    transport = sessions.session().getTransport("smtp");
                    transport.connect();
                }
                transport.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException e) {
                if (transport != null) {
                    closeQuietly(transport);
                    transport = null;
                }
                throw e;
            }
        }

        /** Hands a working connection on to the next batch. */
        @Override
        public void close() {
            if (transport != null) {
                idle.addFirst(new Kept(transport, System.nanoTime()));
                transport = null;
            }
        }
    }
}
