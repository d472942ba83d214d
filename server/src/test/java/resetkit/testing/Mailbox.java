package resetkit.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real SMTP server (GreenMail) on a free loopback port, and helpers to read what arrived. */
public final class Mailbox implements AutoCloseable {
    private static final Pattern TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_-]+)");
    private static final Pattern CODE = Pattern.compile("code: (\\d{6})");

    private final int port;
    private GreenMail server;

    public Mailbox() {
        this.port = freePort();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Mailbox start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return this;
    }

    /** Requires SMTP AUTH with these credentials (the server is started). */
    public Mailbox withUser(String login, String password) {
        server.setUser(login + "@localhost", login, password);
        server.getManagers().getSmtpManager();
        return this;
    }

    public int port() {
        return port;
    }

    public List<MimeMessage> all() {
        return server == null ? List.of() : Arrays.asList(server.getReceivedMessages());
    }

    public List<MimeMessage> to(String recipient) {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : all()) {
            try {
                if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(recipient))) {
                    out.add(m);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** Waits until {@code count} messages have reached {@code recipient}; returns the newest. */
    public MimeMessage awaitMessage(String recipient, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<MimeMessage> received = to(recipient);
            if (received.size() >= count) {
                return received.get(count - 1);
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no mail #" + count + " for " + recipient + " within " + timeout + "; have " + to(recipient).size());
    }

    public static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    public static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    public static String token(MimeMessage message) {
        Matcher m = TOKEN.matcher(text(message));
        if (!m.find()) {
            throw new AssertionError("no token link in mail");
        }
        return m.group(1);
    }

    public static String link(MimeMessage message) {
        for (String line : text(message).split("\\R")) {
            if (line.contains("token=")) {
                return line.trim();
            }
        }
        throw new AssertionError("no link in mail");
    }

    public static String code(MimeMessage message) {
        Matcher m = CODE.matcher(text(message));
        if (!m.find()) {
            throw new AssertionError("no code in mail");
        }
        return m.group(1);
    }

    private static String part(Part message, String type) {
        try {
            for (Part part : leafParts(message)) {
                if (part.isMimeType(type)) {
                    return part.getContent().toString();
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The parts of a message that are not multiparts, depth first: its text, HTML, attachments. */
    public static List<Part> leafParts(Part message) {
        List<Part> leaves = new ArrayList<>();
        collectLeaves(message, leaves);
        return leaves;
    }

    private static void collectLeaves(Part part, List<Part> into) {
        try {
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    collectLeaves(multipart.getBodyPart(i), into);
                }
            } else {
                into.add(part);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
