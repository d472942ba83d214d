package resetkit.mail;

import io.micronaut.email.javamail.composer.DefaultMessageComposer;
import io.micronaut.email.javamail.sender.JavaxEmailComposer;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import resetkit.testing.Mailbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A composed mail written out and read back by JavaMail has the same text and HTML, with the
 * charset and transfer encoding each part was given: its text parts are written from bytes
 * ({@link TransferEncodings}), not by JavaMail's text handler.
 */
class MimeRoundTripTest {
    private final Session session = Session.getInstance(new Properties());
    private final JavaxEmailComposer composer = new JavaxEmailComposer(() -> session, new DefaultMessageComposer());

    @Test
    void asciiMailComesBackAsItWasSentIn7bit() throws Exception {
        String text = "Reset your password:\nhttps://example.test/reset?token=abc\n\nOr enter this code: 123456\n.\n";
        String html = "<p>Reset <a href=\"https://example.test/reset?token=abc\">here</a></p>";

        Map<String, Part> parts = roundTrip(text, html);

        assertEquals(text, lines(parts.get("text/plain")));
        assertEquals(html, lines(parts.get("text/html")));
        assertEquals("7bit", parts.get("text/plain").getHeader("Content-Transfer-Encoding")[0]);
        assertTrue(parts.get("text/html").getContentType().toLowerCase().contains("charset=utf-8"));
    }

    @Test
    void otherTextComesBackAsItWasSentInQuotedPrintable() throws Exception {
        String text = "Passwort zurücksetzen für Jürgen: ✓\n" + "x".repeat(1200) + "\n";
        String html = "<p>Grüße, " + "y".repeat(1200) + "</p>";

        Map<String, Part> parts = roundTrip(text, html);

        assertEquals(text, lines(parts.get("text/plain")));
        assertEquals(html, lines(parts.get("text/html")));
        assertEquals("quoted-printable", parts.get("text/plain").getHeader("Content-Transfer-Encoding")[0]);
        assertEquals("quoted-printable", parts.get("text/html").getHeader("Content-Transfer-Encoding")[0]);
    }

    private Map<String, Part> roundTrip(String text, String html) throws Exception {
        Message sent = Emails.compose(composer, new OutgoingMail("0193-ab", "no-reply@acme.example", "someone@example.test",
                new MailContent("Subject", text, html)));
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        sent.writeTo(wire);
        Map<String, Part> parts = new HashMap<>();
        for (Part part : Mailbox.leafParts(new MimeMessage(session, new ByteArrayInputStream(wire.toByteArray())))) {
            parts.put(part.getContentType().split(";")[0].trim().toLowerCase(), part);
        }
        assertEquals(2, parts.size(), wire.toString());
        return parts;
    }

    /* Line ends as written here: 7bit text keeps its own, quoted-printable's are CRLF (SMTP's stream makes every line end CRLF on the wire). */
    private static String lines(Part part) throws Exception {
        return ((String) part.getContent()).replace("\r\n", "\n");
    }
}
