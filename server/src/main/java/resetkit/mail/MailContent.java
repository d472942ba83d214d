package resetkit.mail;

/** A rendered mail: subject (a header, so free of control characters), plain text and HTML parts. */
public record MailContent(String subject, String text, String html) {

    @Override
    public String toString() {
        return "MailContent[subject=" + subject + ", body redacted]";
    }
}
