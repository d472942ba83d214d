package resetkit.mail;

import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.NoSuchProviderException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Provider;
import jakarta.mail.Session;

import java.util.Properties;

/** Builds the JavaMail session from {@link SmtpSettings}, with timeouts so a dead relay cannot hang the worker. */
@Singleton
public class SmtpSessionProvider implements SessionProvider {
    /*
     * Jakarta Mail looks its StreamProvider up through ServiceLoader for every body part it creates
     * or writes, a scan of the whole class path each time (a quarter of the outbox worker's CPU in a
     * profile); named by this property, it is instantiated directly instead.
     */
    static {
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final Session session;

    SmtpSessionProvider(SmtpSettings smtp) {
        Properties props = new Properties();
        String timeout = String.valueOf(smtp.getTimeout().toMillis());
        if (smtp.getHost() != null) {
            props.put("mail.smtp.host", smtp.getHost());
        }
        props.put("mail.smtp.port", String.valueOf(smtp.getPort()));
        props.put("mail.smtp.connectiontimeout", timeout);
        props.put("mail.smtp.timeout", timeout);
        // no mail.smtp.writetimeout: it gives every connection a timer thread and schedules a task
        // per write; a mail fits in the socket buffers, so a relay that stops reading is caught by
        // the read timeout above while waiting for its reply
        if (!smtp.isStarttls()) {
            // a group of pipelined commands leaves in one write; not under TLS, whose records
            // would wait behind it as well (not needed there, and not tested)
            props.put("mail.smtp.socketFactory", new FlushOnReadSocketFactory());
        }
        if (smtp.isChunking()) {
            // BDAT instead of DATA where the relay offers CHUNKING, written by PipeliningSmtpTransport
            // as one chunk whatever this size (Jakarta Mail only looks for a positive one); that
            // transport declines CHUNKING on connections it cannot write to itself (STARTTLS)
            props.put("mail.smtp.chunksize", "65536");
        }
        props.put("mail.smtp.starttls.enable", String.valueOf(smtp.isStarttls()));
        props.put("mail.smtp.starttls.required", String.valueOf(smtp.isStarttls()));
        Authenticator authenticator = null;
        if (smtp.getUsername() != null && !smtp.getUsername().isBlank()) {
            props.put("mail.smtp.auth", "true");
            String user = smtp.getUsername();
            String password = smtp.getPassword() == null ? "" : smtp.getPassword();
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        this.session = Session.getInstance(props, authenticator);
        // command pipelining where the relay offers it (see PipeliningSmtpTransport)
        try {
            session.setProvider(new Provider(Provider.Type.TRANSPORT, "smtp", PipeliningSmtpTransport.class.getName(), "resetkit", null));
        } catch (NoSuchProviderException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Session session() {
        return session;
    }
}
