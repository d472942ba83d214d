package resetkit.devinbox;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import resetkit.client.model.PasswordResetRequest;
import resetkit.testing.IntegrationTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /dev/mail while no SMTP host is configured and the inbox is enabled: the drop folder's mails in the browser. */
@MicronautTest(transactional = false)
class DevInboxTest extends IntegrationTest {
    private static final Pattern ENTRY = Pattern.compile("href=\"/dev/mail/([0-9]+-[A-Za-z0-9-]+\\.eml)\"");

    private final Path drop = tempFolder();

    @Override
    protected boolean startMailbox() {
        return false;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(super.getProperties());
        props.remove("resetkit.smtp.host");
        props.put("resetkit.mail.drop-dir", drop.toString());
        props.put("resetkit.dev-inbox.enabled", "true");
        return props;
    }

    @Test
    void theDropFoldersMailsCanBeReadInTheBrowser() throws Exception {
        TestTenant t = newTenant("inbox@example.com", "the old password 1");
        assertTrue(get("/dev/mail", Map.of()).body().contains("No mails yet."));

        resets().requestPasswordReset(new PasswordResetRequest().identifier(t.email()), bearer(t.apiKey()));
        String list = awaitEntry();
        assertTrue(list.contains("Reset your Tenant " + t.id() + " password"), list);
        assertTrue(list.contains("inbox@example.com"));

        Matcher entry = ENTRY.matcher(list);
        assertTrue(entry.find());
        // the file is "<millis>-<outbox id>.eml"; the mail's Message-ID is that id, as over SMTP
        String outboxId = entry.group(1).substring(entry.group(1).indexOf('-') + 1, entry.group(1).length() - ".eml".length());
        String raw = Files.readString(drop.resolve(entry.group(1)));
        assertTrue(raw.contains("\r\nMessage-ID: <" + outboxId + "@localhost>\r\n"), raw);
        HttpResponse<String> mail = get("/dev/mail/" + entry.group(1), Map.of());
        assertEquals(200, mail.statusCode());
        assertTrue(mail.body().contains("Or enter this code: "), mail.body());
        assertTrue(mail.body().matches("(?s).*<a href=\"http://localhost:[0-9-]+/reset\\?token=[A-Za-z0-9_-]+\">.*"), mail.body());
        assertEquals("no-store", mail.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(mail.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));

        HttpResponse<String> html = get("/dev/mail/" + entry.group(1) + "/html", Map.of());
        assertEquals(200, html.statusCode());
        assertTrue(html.body().contains("Choose a new password"));
        assertTrue(html.headers().firstValue("Content-Security-Policy").orElse("").startsWith("sandbox;"));
    }

    @Test
    void onlyDropFolderFileNamesAreOpened() throws Exception {
        Files.writeString(drop.resolve("notes.txt"), "not a mail");
        for (String id : new String[]{"notes.txt", "..%2F..%2Fetc%2Fpasswd", "1-missing.eml"}) {
            assertEquals(404, get("/dev/mail/" + id, Map.of()).statusCode(), id);
        }
    }

    private String awaitEntry() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = get("/dev/mail", Map.of()).body();
            if (ENTRY.matcher(body).find()) {
                return body;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no mail listed:\n" + body);
    }

    private static Path tempFolder() {
        try {
            return Files.createTempDirectory("resetkit-drop");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
