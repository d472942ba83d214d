package resetkit.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

import java.io.IOException;

/**
 * Names the transfer encoding of each text part before a message is sent. Left unnamed, JavaMail
 * finds it by writing the whole part through its content handler once more just to look at the
 * bytes; the text is in hand, so one pass over its characters decides the same: 7bit for short
 * lines of ASCII, else quoted-printable.
 */
final class TransferEncodings {
    private static final int MAX_7BIT_LINE = 998;

    private TransferEncodings() {
    }

    static void name(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                name(multipart.getBodyPart(i));
            }
        } else if (content instanceof String text && part.getHeader("Content-Transfer-Encoding") == null) {
            part.setHeader("Content-Transfer-Encoding", encodingOf(text));
        }
    }

    static String encodingOf(String text) {
        int line = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128 || c == 0 || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                return "quoted-printable";
            }
            if (c == '\n') {
                line = 0;
            } else if (++line > MAX_7BIT_LINE) {
                return "quoted-printable";
            }
        }
        return "7bit";
    }
}
