package resetkit.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.eclipse.angus.mail.util.CRLFOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

/**
 * Jakarta Mail's SMTP transport with command pipelining (RFC 2920) when the relay offers it:
 * {@code MAIL FROM} and {@code RCPT TO} are sent without waiting for their replies, which are
 * read, in order, before the reply to {@code DATA}. A mail then costs two round trips instead of
 * four. With {@link FlushOnReadSocketFactory} the three commands also leave in one write.
 *
 * <p>Where the relay offers CHUNKING (RFC 3030) as well, the content goes as one
 * {@code BDAT <size> LAST} chunk instead of after {@code DATA}'s go-ahead: sender, recipient,
 * chunk and content leave in one write and a mail costs one round trip. The chunk is written
 * here, not by Jakarta Mail's own BDAT support, which doubles a dot that starts a line as DATA
 * requires, although BDAT sends the bytes as they are (angus-mail issue 209): a mail with such a
 * line would arrive changed. So it is used only on this factory's sockets, whose output this
 * class can reach (not under STARTTLS); elsewhere the relay's CHUNKING is ignored.
 *
 * <p>A refused {@code MAIL FROM} or {@code RCPT TO} surfaces as the failure of {@code DATA} or
 * {@code BDAT} (to which a relay that refused them answers with an error as well), carrying the
 * first refusal's reply; the worker then treats the mail as failed, as before, and the
 * connection is dropped. Relays that do not offer PIPELINING get the plain exchange.
 */
public class PipeliningSmtpTransport extends SMTPTransport {
    /** replies owed for commands sent without waiting: read before the next reply that is waited for */
    private int owed;
    private boolean answerNextWithoutWaiting;
    /** the connection's socket output, past Jakarta Mail's streams: null where BDAT is not written here */
    private OutputStream socketOutput;
    /** the content of the mail being sent as a BDAT chunk, reused from mail to mail */
    private final ByteArrayOutputStream chunk = new ByteArrayOutputStream(8192);
    private ContentLines content;

    public PipeliningSmtpTransport(Session session, URLName urlname) {
        super(session, urlname);
    }

    @Override
    protected synchronized boolean protocolConnect(String host, int port, String user, String password) throws MessagingException {
        FlushOnReadSocketFactory.takeSocketMadeOnThisThread(); // a socket left from a connection that failed is not this one's
        socketOutput = null;
        boolean connected = super.protocolConnect(host, port, user, password);
        Socket socket = FlushOnReadSocketFactory.takeSocketMadeOnThisThread();
        if (connected && socket != null && !Boolean.parseBoolean(session.getProperty("mail.smtp.starttls.enable"))) {
            try {
                socketOutput = socket.getOutputStream();
            } catch (IOException e) {
                throw new MessagingException("no output stream on the SMTP connection", e);
            }
        }
        return connected;
    }

    @Override
    public boolean supportsExtension(String extension) {
        if ("CHUNKING".equalsIgnoreCase(extension) && socketOutput == null) {
            return false; // Jakarta Mail's own BDAT would change lines that start with a dot
        }
        return super.supportsExtension(extension);
    }

    @Override
    protected OutputStream bdat() {
        chunk.reset();
        content = new ContentLines(chunk);
        return content;
    }

    @Override
    protected void finishBdat() throws IOException, MessagingException {
        content.ensureAtBOL();
        sendCommand("BDAT " + chunk.size() + " LAST");
        // the command went through Jakarta Mail's streams, flushed; the content follows it on the same socket
        chunk.writeTo(socketOutput);
        int code = readServerResponse();
        if (code != 250) {
            throw new MessagingException("BDAT refused: " + getLastServerResponse().strip());
        }
    }

    @Override
    protected void sendCommand(String command) throws MessagingException {
        answerNextWithoutWaiting = isPipelinable(command) && supportsExtension("PIPELINING");
        super.sendCommand(command);
    }

    @Override
    protected int readServerResponse() throws MessagingException {
        if (answerNextWithoutWaiting) {
            answerNextWithoutWaiting = false;
            owed++;
            return 250; // provisional: the real reply is checked before DATA's
        }
        String refusal = null;
        while (owed > 0) {
            owed--;
            int code = super.readServerResponse();
            if (refusal == null && (code < 200 || code >= 300)) {
                refusal = getLastServerResponse();
            }
        }
        int code = super.readServerResponse();
        if (refusal != null) {
            throw new MessagingException("pipelined command refused: " + refusal.strip());
        }
        return code;
    }

    private static boolean isPipelinable(String command) {
        return command.regionMatches(true, 0, "MAIL FROM:", 0, 10) || command.regionMatches(true, 0, "RCPT TO:", 0, 8);
    }

    /** A mail's lines with CRLF line ends, as SMTP wants them, and no dot doubled: BDAT counts bytes. */
    private static final class ContentLines extends CRLFOutputStream {
        ContentLines(OutputStream out) {
            super(out);
        }

        void ensureAtBOL() throws IOException {
            if (!atBOL) {
                writeln();
            }
        }
    }
}
