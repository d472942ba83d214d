package resetkit.mail;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the template sources of one mail: for the first locale of the chain that has all three
 * parts (subject, text, HTML), each part from the tenant's folder, the shared "default" folder or
 * the built-in templates, in that order. Language wins over source: a German request gets the
 * built-in German mail rather than a tenant's English override.
 */
@Singleton
public class MailTemplates {
    static final String BUILT_IN = "mail-templates/";
    static final String SHARED = "default";

    private final MailTemplateSettings settings;
    @Nullable
    private final Path folder;
    private final Map<String, Optional<String>> builtIns = new ConcurrentHashMap<>();

    MailTemplates(MailTemplateSettings settings) {
        this.settings = settings;
        String dir = settings.getTemplatesDir();
        this.folder = dir == null || dir.isBlank() ? null : Path.of(dir).toAbsolutePath().normalize();
    }

    /** The three parts of a mail, and the locale they are written in. */
    public record Sources(String locale, String subject, String text, String html) {
    }

    public Sources find(@Nullable String tenantId, String kind, @Nullable String requestedLocale) {
        for (String locale : MailLocales.candidates(requestedLocale, settings.getDefaultLocale())) {
            Optional<String> subject = part(tenantId, locale, kind + ".subject.txt");
            Optional<String> text = part(tenantId, locale, kind + ".txt");
            Optional<String> html = part(tenantId, locale, kind + ".html");
            if (subject.isPresent() && text.isPresent() && html.isPresent()) {
                return new Sources(locale, subject.get(), text.get(), html.get());
            }
        }
        throw new IllegalStateException("no mail templates for " + kind + " in " + settings.getDefaultLocale());
    }

    private Optional<String> part(@Nullable String tenantId, String locale, String file) {
        if (folder != null) {
            for (String owner : tenantId == null ? List.of(SHARED) : List.of(tenantId, SHARED)) {
                Path candidate = folder.resolve(owner).resolve(locale).resolve(file).normalize();
                if (candidate.startsWith(folder) && Files.isRegularFile(candidate)) {
                    return Optional.of(read(candidate));
                }
            }
        }
        return builtIn(BUILT_IN + locale + "/" + file);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mail template " + file, e);
        }
    }

    /*
     * Built-in templates cannot change while running: read once. Handing the renderer the same
     * String each time also makes its cache lookup (keyed by the source) an identity check.
     */
    private Optional<String> builtIn(String resource) {
        return builtIns.computeIfAbsent(resource, MailTemplates::readBuiltIn);
    }

    private static Optional<String> readBuiltIn(String resource) {
        try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mail template " + resource, e);
        }
    }
}
