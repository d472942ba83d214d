package resetkit.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import resetkit.testing.Mailbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With a relay that offers CHUNKING (RFC 3030) and PIPELINING, a mail goes out as MAIL FROM, RCPT
 * TO, {@code BDAT <size> LAST} and its content in one write and costs one round trip, and
 * arrives as written: a line that starts with a dot keeps its one dot (Jakarta Mail's own BDAT
 * would double it). GreenMail offers
 * neither, so the relay here speaks them itself and hands each mail it accepts to GreenMail over
 * SMTP, where the test reads it.
 */
class SmtpChunkingTest {
    private final Mailbox mailbox = new Mailbox().start();
    private ChunkingRelay relay;

    @AfterEach
    void stop() throws IOException {
        if (relay != null) {
            relay.close();
        }
        mailbox.close();
    }

    @Test
    void aMailLeavesWithItsCommandsInOneWriteAsOneChunk() throws Exception {
        relay = new ChunkingRelay(mailbox.port());
        send(relay.workerSession(true), "Body of mail ", 3);

        for (int i = 1; i <= 3; i++) {
            MimeMessage received = mailbox.awaitMessage("to" + i + "@example.com", 1, Duration.ofSeconds(5));
            assertEquals("Mail " + i, received.getSubject());
            assertEquals("Body of mail " + i, received.getContent().toString().strip());
        }
        List<String> writes = relay.writesContaining("MAIL FROM:");
        assertEquals(3, writes.size(), relay.writes().toString());
        for (String write : writes) {
            assertTrue(write.contains("RCPT TO:") && write.contains(" LAST\r\n") && write.contains("Subject: Mail "),
                    "commands and content in one write: " + write);
        }
        assertEquals(3, relay.writesContaining("BDAT ").size(), relay.writes().toString());
        assertTrue(relay.writesContaining("DATA\r\n").isEmpty(), relay.writes().toString());
    }

    @Test
    void linesThatStartWithADotArriveAsWritten() throws Exception {
        relay = new ChunkingRelay(mailbox.port());
        String body = "first line\n.leading dot\n.\n..two dots\nlast line ";
        send(relay.workerSession(true), body, 1);

        MimeMessage received = mailbox.awaitMessage("to1@example.com", 1, Duration.ofSeconds(5));
        assertEquals(body + "1", received.getContent().toString().replace("\r\n", "\n").strip());
    }

    @Test
    void aMailLargerThanTheSocketsBufferArrivesWhole() throws Exception {
        relay = new ChunkingRelay(mailbox.port());
        String body = "a line of a long mail, one of many\n".repeat(3000);
        send(relay.workerSession(true), body, 1);

        MimeMessage received = mailbox.awaitMessage("to1@example.com", 1, Duration.ofSeconds(5));
        assertEquals(body + "1", received.getContent().toString().replace("\r\n", "\n").strip());
    }

    @Test
    void switchedOffTheRelayGetsData() throws Exception {
        relay = new ChunkingRelay(mailbox.port());
        MessagingException refused = assertThrows(MessagingException.class, () -> send(relay.workerSession(false), "x", 1));
        assertTrue(refused.getMessage().contains("503"), refused.getMessage());
        assertEquals(1, relay.writesContaining("DATA\r\n").size(), relay.writes().toString());
    }

    /** {@code count} mails over one connection, as the worker sends a batch. */
    private static void send(Session session, String body, int count) throws MessagingException {
        Transport transport = session.getTransport("smtp");
        transport.connect();
        try {
            for (int i = 1; i <= count; i++) {
                MimeMessage message = new MimeMessage((Session) null);
                message.setFrom(new InternetAddress("from@example.com"));
                message.setRecipient(Message.RecipientType.TO, new InternetAddress("to" + i + "@example.com"));
                message.setSubject("Mail " + i);
                message.setText(body + i);
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
            }
        } finally {
            transport.close();
        }
    }

    /**
     * A relay that offers PIPELINING and CHUNKING (and not DATA's dot-terminated content), records
     * each read of what the client wrote, and passes every mail it accepts on to GreenMail.
     */
    private static final class ChunkingRelay extends RecordingRelay {
        private final Session upstream;

        ChunkingRelay(int greenMailPort) throws IOException {
            Properties props = new Properties();
            props.put("mail.smtp.host", "127.0.0.1");
            props.put("mail.smtp.port", String.valueOf(greenMailPort));
            upstream = Session.getInstance(props);
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket client = server.accept()) {
                        serve(client);
                    } catch (IOException | MessagingException e) {
                        // the client went away
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void serve(Socket client) throws IOException, MessagingException {
            OutputStream out = client.getOutputStream();
            Reader in = new Reader(client.getInputStream());
            out.write(ascii("220 relay ESMTP\r\n"));
            List<InternetAddress> recipients = new ArrayList<>();
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            StringBuilder replies = new StringBuilder();
            String line;
            while ((line = in.line(replies, out)) != null) {
                String upper = line.toUpperCase();
                if (upper.startsWith("EHLO")) {
                    replies.append("250-relay\r\n250-PIPELINING\r\n250 CHUNKING\r\n");
                } else if (upper.startsWith("RCPT TO:")) {
                    recipients.add(new InternetAddress(line.substring(8).trim()));
                    replies.append("250 ok\r\n");
                } else if (upper.startsWith("BDAT ")) {
                    String[] words = line.split(" +");
                    content.write(in.bytes(Integer.parseInt(words[1])));
                    if (words.length > 2 && words[2].equalsIgnoreCase("LAST")) {
                        MimeMessage mail = new MimeMessage(upstream, new ByteArrayInputStream(content.toByteArray()));
                        Transport.send(mail, recipients.toArray(InternetAddress[]::new));
                        recipients.clear();
                        content.reset();
                    }
                    replies.append("250 ok\r\n");
                } else if (upper.startsWith("QUIT")) {
                    out.write(ascii(replies + "221 bye\r\n"));
                    return;
                } else if (upper.startsWith("DATA")) {
                    replies.append("503 use BDAT here\r\n");
                } else {
                    replies.append("250 ok\r\n");
                }
            }
        }

        /** The client's bytes, read by read (each read recorded); replies go out before a read that would wait. */
        private final class Reader {
            private final InputStream in;
            private byte[] buffer = new byte[0];
            private int position;

            Reader(InputStream in) {
                this.in = in;
            }

            String line(StringBuilder replies, OutputStream out) throws IOException {
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                int b;
                while ((b = next(replies, out)) >= 0) {
                    if (b == '\n') {
                        String text = line.toString(StandardCharsets.ISO_8859_1);
                        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                    }
                    line.write(b);
                }
                return null;
            }

            byte[] bytes(int count) throws IOException {
                byte[] chunk = new byte[count];
                for (int i = 0; i < count; i++) {
                    int b = next(null, null);
                    if (b < 0) {
                        throw new IOException("the chunk ended early");
                    }
                    chunk[i] = (byte) b;
                }
                return chunk;
            }

            private int next(StringBuilder replies, OutputStream out) throws IOException {
                if (position == buffer.length) {
                    if (replies != null && !replies.isEmpty()) {
                        out.write(ascii(replies.toString()));
                        replies.setLength(0);
                    }
                    byte[] read = new byte[65536];
                    int n = in.read(read);
                    if (n <= 0) {
                        return -1;
                    }
                    buffer = java.util.Arrays.copyOf(read, n);
                    position = 0;
                    record(new String(buffer, StandardCharsets.ISO_8859_1));
                }
                return buffer[position++] & 0xff;
            }
        }

        private static byte[] ascii(String text) {
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
    }
}
