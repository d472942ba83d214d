package resetkit.devinbox;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import resetkit.mail.MailSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads the .eml files FileDropMailTransport writes. Only file names of that shape are ever opened. */
@Singleton
@DevInboxEnabled
public class DropFolderMails {
    static final Pattern FILE_NAME = Pattern.compile("[0-9]{1,20}-[A-Za-z0-9-]{1,64}\\.eml");
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");
    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Session SESSION = Session.getInstance(new Properties());

    private final Path folder;

    DropFolderMails(MailSettings settings) {
        this.folder = Path.of(settings.getDropDir()).toAbsolutePath().normalize();
    }

    public record Summary(String id, String writtenAt, String to, String subject) {
    }

    public record Mail(Summary summary, String from, @Nullable String text, @Nullable String html, List<String> links) {
    }

    public List<Summary> newest(int limit) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> FILE_NAME.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString(), DropFolderMails::byWrittenTime).reversed())
                    .limit(limit)
                    .map(f -> read(f).summary())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Mail> find(String id) {
        if (!FILE_NAME.matcher(id).matches()) {
            return Optional.empty();
        }
        Path file = folder.resolve(id);
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    private static int byWrittenTime(String a, String b) {
        return Long.compare(millis(a), millis(b)) != 0 ? Long.compare(millis(a), millis(b)) : a.compareTo(b);
    }

    private static long millis(String name) {
        return Long.parseLong(name.substring(0, name.indexOf('-')));
    }

    private static Mail read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage message = new MimeMessage(SESSION, in);
            String name = file.getFileName().toString();
            String text = part(message, "text/plain");
            Summary summary = new Summary(name, WRITTEN.format(Instant.ofEpochMilli(millis(name))), addresses(message.getAllRecipients()),
                    message.getSubject() == null ? "" : message.getSubject());
            return new Mail(summary, addresses(message.getFrom()), text, part(message, "text/html"), links(text));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file.getFileName(), e);
        }
    }

    private static List<String> links(@Nullable String text) {
        if (text == null) {
            return List.of();
        }
        Matcher m = LINK.matcher(text);
        return m.results().map(r -> r.group()).distinct().toList();
    }

    private static String addresses(@Nullable Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    @Nullable
    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
