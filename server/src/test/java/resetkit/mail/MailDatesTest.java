package resetkit.mail;

import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class MailDatesTest {
    private static final ZonedDateTime AT = ZonedDateTime.of(2026, 11, 3, 14, 5, 59, 0, ZoneOffset.UTC);

    @Test
    void eachPointInTimeGetsItsDateInTheTemplatesLanguageAndItsTime() {
        Map<String, Object> values = Map.of("expiresAt", AT, "code", "123456");

        Map<String, Object> german = MailDates.withText(values, Locale.forLanguageTag("de"));
        assertEquals("03.11.2026", german.get("expiresAtDate"));
        assertEquals("14:05", german.get("expiresAtTime"));
        assertEquals(AT, german.get("expiresAt"), "the value itself stays, for templates that format it themselves");
        assertEquals("123456", german.get("code"));
        assertEquals(4, german.size(), "only points in time gain text");

        Map<String, Object> english = MailDates.withText(values, Locale.forLanguageTag("en"));
        assertEquals("Nov 3, 2026", english.get("expiresAtDate"));
        assertEquals("14:05", english.get("expiresAtTime"));
    }

    @Test
    void theCallersValuesAreLeftAsTheyAre() {
        Map<String, Object> values = Map.of("changedAt", AT);
        MailDates.withText(values, Locale.ENGLISH);
        assertFalse(values.containsKey("changedAtDate"));
    }
}
