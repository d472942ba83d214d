package resetkit.mail;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Renders the reset mail and the "password changed" notice, as plain text and HTML. */
@Singleton
public class ResetMailComposer {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public MailContent resetMail(String serviceName, String link, String code, Instant expiresAt) {
        String name = HeaderText.clean(serviceName, 100);
        String expiry = WHEN.format(expiresAt);
        String subject = "Reset your " + name + " password";
        String text = """
                Someone asked to reset the password of your %s account.

                Choose a new password here:
                %s

                Or enter this code: %s

                The link and the code work once and expire at %s.
                If you did not ask for this, ignore this mail; your password stays as it is.
                """.formatted(name, link, code, expiry);
        String html = """
                <!DOCTYPE html>
                <html lang="en"><body style="font-family:sans-serif;color:#1a1a1a">
                <p>Someone asked to reset the password of your %s account.</p>
                <p><a href="%s" style="background:#0b57d0;color:#ffffff;padding:10px 16px;text-decoration:none;border-radius:4px">Choose a new password</a></p>
                <p>Or enter this code: <strong style="font-size:1.3em;letter-spacing:2px">%s</strong></p>
                <p>The link and the code work once and expire at %s.<br>
                If you did not ask for this, ignore this mail; your password stays as it is.</p>
                </body></html>
                """.formatted(escape(name), escape(link), escape(code), escape(expiry));
        return new MailContent(subject, text, html);
    }

    public MailContent passwordChangedMail(String serviceName, Instant changedAt) {
        String name = HeaderText.clean(serviceName, 100);
        String when = WHEN.format(changedAt);
        String subject = "Your " + name + " password was changed";
        String text = """
                The password of your %s account was changed at %s.

                If this was you, there is nothing to do.
                If it was not, reset your password now and contact support.
                """.formatted(name, when);
        String html = """
                <!DOCTYPE html>
                <html lang="en"><body style="font-family:sans-serif;color:#1a1a1a">
                <p>The password of your %s account was changed at %s.</p>
                <p>If this was you, there is nothing to do.<br>If it was not, reset your password now and contact support.</p>
                </body></html>
                """.formatted(escape(name), escape(when));
        return new MailContent(subject, text, html);
    }

    static String escape(@Nullable String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
