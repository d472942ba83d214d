package resetkit.mail;

import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The order in which a mail's locale is looked for: the requested tag ("de-AT"), its language
 * ("de"), then the default. Anything that is not a plain language tag is ignored, so a locale
 * can never name a path outside the template folders.
 */
final class MailLocales {
    private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8}){0,3}");

    private MailLocales() {
    }

    static List<String> candidates(@Nullable String requested, String defaultLocale) {
        Set<String> chain = new LinkedHashSet<>();
        if (requested != null && TAG.matcher(requested.trim()).matches()) {
            Locale locale = Locale.forLanguageTag(requested.trim().replace('_', '-'));
            if (!locale.getLanguage().isEmpty()) {
                chain.add(locale.toLanguageTag());
                chain.add(locale.getLanguage());
            }
        }
        chain.add(defaultLocale);
        return List.copyOf(chain);
    }

    static Locale toLocale(String tag) {
        return Locale.forLanguageTag(tag);
    }
}
