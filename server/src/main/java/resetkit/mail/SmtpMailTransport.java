package resetkit.mail;

import io.micronaut.context.annotation.Requires;
import io.micronaut.email.javamail.sender.JavaxEmailSender;
import jakarta.inject.Singleton;

/** Sends over SMTP through micronaut-email-javamail; active as soon as an SMTP host is configured. */
@Singleton
@Requires(property = "resetkit.smtp.host")
public class SmtpMailTransport implements MailTransport {
    private final JavaxEmailSender sender;

    SmtpMailTransport(JavaxEmailSender sender) {
        this.sender = sender;
    }

    @Override
    public void send(OutgoingMail mail) {
        sender.send(Emails.of(mail).build(), message -> { });
    }
}
