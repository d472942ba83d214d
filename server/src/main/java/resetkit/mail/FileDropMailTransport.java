package resetkit.mail;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.email.javamail.sender.JavaxEmailComposer;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Development delivery while no SMTP host is configured: each mail becomes a standard .eml file
 * in the drop folder, which any mail program opens. The log names the file, never its content.
 */
@Singleton
@Requires(missingProperty = "resetkit.smtp.host")
public class FileDropMailTransport implements MailTransport {
    private static final Logger LOG = LoggerFactory.getLogger(FileDropMailTransport.class);

    private final JavaxEmailComposer composer;
    private final Path folder;

    FileDropMailTransport(JavaxEmailComposer composer, MailSettings settings) {
        this.composer = composer;
        this.folder = Path.of(settings.getDropDir()).toAbsolutePath();
    }

    @EventListener
    void announce(StartupEvent event) {
        LOG.warn("No SMTP host configured (RESETKIT_SMTP_HOST): mails are written to {}", folder);
    }

    @Override
    public void send(OutgoingMail mail) throws Exception {
        Files.createDirectories(folder);
        Message message = Emails.compose(composer, mail);
        Path file = folder.resolve(System.currentTimeMillis() + "-" + mail.id() + ".eml");
        // written aside, then renamed: a reader of the folder (the dev inbox) never sees half a mail
        Path partial = folder.resolve(file.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            message.writeTo(out);
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("Mail {} written to {}", mail.id(), file);
    }
}
