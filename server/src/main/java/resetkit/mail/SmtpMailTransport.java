package resetkit.mail;

import io.micronaut.context.annotation.Requires;
import io.micronaut.email.javamail.sender.JavaxEmailComposer;
import io.micronaut.email.javamail.sender.JavaxEmailSender;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;

/**
 * Sends over SMTP through micronaut-email-javamail; active as soon as an SMTP host is configured.
 * A batch keeps one SMTP connection open for all its mails (one handshake instead of one per mail)
 * and opens a fresh one after a failed send, so one refused mail cannot break the rest.
 */
@Singleton
@Requires(property = "resetkit.smtp.host")
public class SmtpMailTransport implements MailTransport {
    private final JavaxEmailSender sender;
    private final JavaxEmailComposer composer;
    private final SmtpSessionProvider sessions;

    SmtpMailTransport(JavaxEmailSender sender, JavaxEmailComposer composer, SmtpSessionProvider sessions) {
        this.sender = sender;
        this.composer = composer;
        this.sessions = sessions;
    }

    @Override
    public void send(OutgoingMail mail) {
        sender.send(Emails.of(mail).build(), message -> { });
    }

    @Override
    public Batch openBatch() {
        return new ConnectionBatch();
    }

    private final class ConnectionBatch implements Batch {
        private Transport transport;

        @Override
        public void send(OutgoingMail mail) throws Exception {
            Message message = composer.compose(Emails.of(mail).build());
            message.saveChanges();
            try {
                // not transport.isConnected(): that sends a NOOP, a round trip per mail; a connection
                // that fails is closed below and the next mail opens a fresh one
                if (transport == null) {
                    transport = sessions.session().getTransport("smtp");
                    transport.connect();
                }
                transport.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException e) {
                close();
                throw e;
            }
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    // the connection is gone either way
                }
                transport = null;
            }
        }
    }
}
