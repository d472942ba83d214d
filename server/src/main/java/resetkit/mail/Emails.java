package resetkit.mail;

import io.micronaut.email.Email;
import io.micronaut.email.MultipartBody;
import io.micronaut.email.javamail.sender.JavaxEmailComposer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;

import java.io.IOException;
import java.time.Instant;

/** One way to turn an outgoing mail into a MIME message, whichever transport writes it out. */
final class Emails {
    private Emails() {
    }

    /** The message ready to write: composed, with its headers set ({@link MailHeaders#finish}). */
    static Message compose(JavaxEmailComposer composer, OutgoingMail mail) throws MessagingException, IOException {
        Message message = composer.compose(Email.builder()
                .from(mail.from())
                .to(mail.to())
                .subject(mail.content().subject())
                .body(new MultipartBody(mail.content().html(), mail.content().text()))
                .build());
        MailHeaders.finish(message, mail, Instant.now());
        return message;
    }
}
