package resetkit.mail;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import resetkit.client.ApiException;
import resetkit.client.model.CompleteResetRequest;
import resetkit.client.model.MailTemplateKind;
import resetkit.client.model.PasswordResetRequest;
import resetkit.client.model.TemplatePreview;
import resetkit.client.model.TenantCreate;
import resetkit.testing.IntegrationTest;
import resetkit.testing.Mailbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mail templates per tenant and locale, overrides from the templates folder, and the admin preview. */
@MicronautTest(transactional = false)
class MailTemplatesTest extends IntegrationTest {
    private static final String PASSWORD = "the old password 1";
    private static final Duration MAIL = Duration.ofSeconds(10);
    private static final String OVERRIDDEN = "t-override";

    private final Path templates = folder();

    @Override
    protected Map<String, String> extraProperties() {
        write(OVERRIDDEN + "/en/reset.subject.txt", "[(${serviceName})]: your reset link");
        write(OVERRIDDEN + "/en/reset.txt", "Custom text [(${link})] code: [(${code})]");
        write(OVERRIDDEN + "/en/reset.html", "<p>Custom <a th:href=\"${link}\">link</a> for <b th:text=\"${serviceName}\">x</b></p>");
        write("default/en/password_changed.subject.txt", "Shared notice for [(${serviceName})]");
        write("default/en/password_changed.txt", "Changed.");
        write("default/en/password_changed.html", "<p>Changed.</p>");
        write("bootstrap.yml", """
                tenants:
                  - id: t-locale
                    name: Locale Tenant
                    api_key: rk_locale_key_0123456789
                    accounts:
                      - email: deutsch@example.com
                        password: the old password 1
                        locale: de
                """);
        return Map.of("resetkit.mail.templates-dir", templates.toString(),
                "resetkit.bootstrap", templates.resolve("bootstrap.yml").toString());
    }

    @Test
    void theRequestsLocaleChoosesTheGermanTemplates() throws Exception {
        TestTenant t = newTenant("de@example.com", PASSWORD);
        resets().requestPasswordReset(new PasswordResetRequest().identifier(t.email()).locale("de-AT"), bearer(t.apiKey()));

        MimeMessage mail = mailbox.awaitMessage(t.email(), 1, MAIL);
        assertEquals("Ihr Passwort für Tenant " + t.id() + " zurücksetzen", mail.getSubject());
        String text = Mailbox.text(mail);
        assertTrue(text.contains("Bestätigungscode: " + Mailbox.code(mail)), text);
        assertTrue(text.contains("?token=" + Mailbox.token(mail)));
        assertTrue(text.matches("(?s).*laufen am \\d\\d\\.\\d\\d\\.\\d{4} um \\d\\d:\\d\\d Uhr \\(UTC\\) ab.*"), text);
        String html = Mailbox.html(mail);
        assertTrue(html.contains("<html lang=\"de\">"), html);
        assertTrue(html.contains("Neues Passwort wählen"));
        assertFalse(html.contains("th:"), "no template attribute leaks into the mail");
    }

    @Test
    void withoutARequestedLocaleTheAccountsLocaleIsUsedAlsoForTheNotice() throws Exception {
        resets().requestPasswordReset(new PasswordResetRequest().identifier("deutsch@example.com"), bearer("rk_locale_key_0123456789"));
        MimeMessage mail = mailbox.awaitMessage("deutsch@example.com", 1, MAIL);
        assertEquals("Ihr Passwort für Locale Tenant zurücksetzen", mail.getSubject());

        resets().completePasswordReset(new CompleteResetRequest().token(Mailbox.token(mail)).newPassword("ein neues Passwort 2"));
        MimeMessage notice = mailbox.awaitMessage("deutsch@example.com", 2, MAIL);
        assertEquals("Ihr Passwort für Locale Tenant wurde geändert", notice.getSubject());
        assertTrue(Mailbox.text(notice).contains("Wenn Sie das waren"));
    }

    @Test
    void englishIsTheDefaultAndAnUnknownLanguageFallsBackToIt() throws Exception {
        TestTenant t = newTenant("fr@example.com", PASSWORD);
        resets().requestPasswordReset(new PasswordResetRequest().identifier(t.email()).locale("fr"), bearer(t.apiKey()));
        MimeMessage mail = mailbox.awaitMessage(t.email(), 1, MAIL);
        assertEquals("Reset your Tenant " + t.id() + " password", mail.getSubject());
        String text = Mailbox.text(mail);
        assertTrue(text.contains("Or enter this code: " + Mailbox.code(mail)));
        assertTrue(text.matches("(?s).*expire on [A-Z][a-z]{2} \\d{1,2}, \\d{4} at \\d\\d:\\d\\d UTC\\..*"), text);
        String html = Mailbox.html(mail);
        assertTrue(html.contains("<html lang=\"en\">"));
        assertTrue(html.matches("(?s).*expire on <span>[A-Z][a-z]{2} \\d{1,2}, \\d{4}</span> at <span>\\d\\d:\\d\\d</span> UTC\\..*"), html);
    }

    @Test
    void aTenantsFilesOverrideTheBuiltInTemplatesButNotAnotherLanguage() throws Exception {
        String key = admin().createTenant(new TenantCreate().id(OVERRIDDEN).name("Over <&> Ride"), adminAuth()).getApiKey();
        admin().createAccount(OVERRIDDEN, new resetkit.client.model.AccountCreate().email("o@example.com").password(PASSWORD), adminAuth());

        resets().requestPasswordReset(new PasswordResetRequest().identifier("o@example.com"), bearer(key));
        MimeMessage mail = mailbox.awaitMessage("o@example.com", 1, MAIL);
        assertEquals("Over <&> Ride: your reset link", mail.getSubject());
        assertTrue(Mailbox.text(mail).startsWith("Custom text http://"), Mailbox.text(mail));
        String html = Mailbox.html(mail);
        assertTrue(html.contains("for <b>Over &lt;&amp;&gt; Ride</b>"), "values are escaped in HTML: " + html);

        resets().requestPasswordReset(new PasswordResetRequest().identifier("o@example.com").locale("de"), bearer(key));
        assertTrue(mailbox.awaitMessage("o@example.com", 2, MAIL).getSubject().startsWith("Ihr Passwort für Over"));
    }

    @Test
    void thePreviewRendersWithSampleValuesAndNeedsTheAdminToken() throws Exception {
        TestTenant t = newTenant("preview@example.com", PASSWORD);
        TemplatePreview reset = admin().previewTemplate(t.id(), null, "de-CH", adminAuth());
        assertEquals(MailTemplateKind.RESET, reset.getKind());
        assertEquals("de", reset.getLocale());
        assertEquals("Ihr Passwort für Tenant " + t.id() + " zurücksetzen", reset.getSubject());
        assertTrue(reset.getText().contains("/reset?token=SAMPLE-TOKEN-opens-nothing"), reset.getText());
        assertTrue(reset.getHtml().contains("123456"));

        TemplatePreview notice = admin().previewTemplate(t.id(), MailTemplateKind.PASSWORD_CHANGED, null, adminAuth());
        assertEquals("en", notice.getLocale());
        assertEquals("Shared notice for Tenant " + t.id(), notice.getSubject(), "the shared default folder applies to every tenant");

        assertEquals(401, assertThrows(ApiException.class, () -> admin().previewTemplate(t.id(), null, null, Map.of())).getCode());
        assertEquals(404, assertThrows(ApiException.class, () -> admin().previewTemplate("t-nobody", null, null, adminAuth())).getCode());
        assertEquals(400, get("/admin/v1/tenants/" + t.id() + "/templates/preview?locale=../../etc", adminAuth()).statusCode());
        assertEquals(400, get("/admin/v1/tenants/" + t.id() + "/templates/preview?kind=other", adminAuth()).statusCode());
    }

    private static Path folder() {
        try {
            return Files.createTempDirectory("resetkit-templates-" + UUID.randomUUID().toString().substring(0, 6));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String relative, String content) {
        try {
            Path file = templates.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
