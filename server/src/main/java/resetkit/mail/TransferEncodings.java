package resetkit.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.util.ByteArrayDataSource;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Prepares each text part of a composed message for writing: names its transfer encoding and
 * hands JavaMail the text's bytes. Left unnamed, JavaMail finds the encoding by writing the whole
 * part through its content handler once more just to look at the bytes; the text is in hand, so
 * one pass over its characters decides the same: 7bit for short lines of ASCII, else
 * quoted-printable. And a part holding a String is written by JavaMail's text handler through a
 * stream that passes the encoded text on one byte at a time (a third of the delivery thread's
 * time went to writing messages); a part holding bytes is copied in blocks.
 */
final class TransferEncodings {
    private static final int MAX_7BIT_LINE = 998;

    private TransferEncodings() {
    }

    static void prepare(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                prepare(multipart.getBodyPart(i));
            }
        } else if (content instanceof String text && part.getHeader("Content-Transfer-Encoding") == null) {
            // as given to setContent: the Content-Type header is only written by saveChanges
            String type = part.getDataHandler().getContentType();
            // replacing the content drops the part's content headers: they are set again after it
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(text.getBytes(charsetOf(type)), type)));
            part.setHeader("Content-Type", type);
            part.setHeader("Content-Transfer-Encoding", encodingOf(text));
        }
    }

    /** The charset a text part names, as JavaMail's text handler would use it (no charset: US-ASCII). */
    static Charset charsetOf(String contentType) throws MessagingException {
        String name = new ContentType(contentType).getParameter("charset");
        try {
            return name == null ? StandardCharsets.US_ASCII : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new MessagingException("unknown charset in " + contentType, e);
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
