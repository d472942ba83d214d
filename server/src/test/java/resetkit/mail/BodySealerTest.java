package resetkit.mail;

import org.junit.jupiter.api.Test;
import resetkit.reset.ResetSettings;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Queued mail drafts are sealed, stay readable across a key rotation, and rows of the earlier rendered form still open. */
class BodySealerTest {

    private static BodySealer sealer(String... keys) {
        ResetSettings settings = new ResetSettings();
        settings.setHmacKeys(List.of(keys));
        return new BodySealer(settings);
    }

    @Test
    void sealedDraftsHideTheirSecretsAndSurviveRotation() {
        MailDraft draft = MailDraft.reset("t1", "de", "Acme", "https://acme.test/reset?token=abcTOKEN", "123456",
                Instant.parse("2026-11-22T10:00:00Z"));
        String sealed = sealer("old-key").seal(draft);
        assertFalse(sealed.contains("123456"));
        assertFalse(sealed.contains("abcTOKEN"));
        BodySealer.Sealed opened = sealer("new-key", "old-key").open(sealed);
        assertEquals(draft, opened.draft());
        assertThrows(IllegalStateException.class, () -> sealer("new-key").open(sealed));
    }

    @Test
    void rowsQueuedWithRenderedBodiesStillOpen() {
        String sealed = sealer("k").sealJson(Map.of("text", "code: 123456", "html", "<p>123456</p>"));
        BodySealer.Sealed opened = sealer("k").open(sealed);
        assertNull(opened.draft());
        assertEquals("code: 123456", opened.text());
        assertEquals("<p>123456</p>", opened.html());
    }
}
