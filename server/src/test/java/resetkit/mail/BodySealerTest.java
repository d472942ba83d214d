package resetkit.mail;

import org.junit.jupiter.api.Test;
import resetkit.reset.ResetSettings;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Queued mail bodies are sealed, and stay readable across a key rotation. */
class BodySealerTest {

    private static BodySealer sealer(String... keys) {
        ResetSettings settings = new ResetSettings();
        settings.setHmacKeys(List.of(keys));
        return new BodySealer(settings);
    }

    @Test
    void sealedBodiesHideTheirContentAndSurviveRotation() {
        String sealed = sealer("old-key").seal("code: 123456 token=abc", "<p>123456</p>");
        assertFalse(sealed.contains("123456"));
        BodySealer.Parts opened = sealer("new-key", "old-key").open(sealed);
        assertEquals("code: 123456 token=abc", opened.text());
        assertEquals("<p>123456</p>", opened.html());
        assertThrows(IllegalStateException.class, () -> sealer("new-key").open(sealed));
    }
}
