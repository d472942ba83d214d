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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The worker's SMTP session (real sockets, a real relay): with a relay that offers PIPELINING,
 * MAIL FROM, RCPT TO and DATA leave together in one write and the mails arrive whole; a relay that
 * does not offer it gets one command at a time; a refused recipient fails the mail with the
 * relay's own reply. GreenMail does not offer PIPELINING itself, so a proxy in front of it adds the
 * keyword to its EHLO reply and records what the client wrote, write by write.
 */
class SmtpPipeliningTest {
    private final Mailbox mailbox = new Mailbox().start();
    private Relay relay;

    @AfterEach
    void stop() throws IOException {
        if (relay != null) {
            relay.close();
        }
        mailbox.close();
    }

    @Test
    void pipelinedCommandsLeaveInOneWriteAndTheMailsArriveWhole() throws Exception {
        relay = Relay.proxy(mailbox.port(), true);
        sendThree(relay.workerSession(true));

        for (int i = 1; i <= 3; i++) {
            MimeMessage received = mailbox.awaitMessage("to" + i + "@example.com", 1, Duration.ofSeconds(5));
            assertEquals("Mail " + i, received.getSubject());
            assertEquals("Body of mail " + i, received.getContent().toString().strip());
        }
        List<String> groups = relay.writesContaining("MAIL FROM:");
        assertEquals(3, groups.size(), relay.writes().toString());
        for (String group : groups) {
            assertTrue(group.contains("RCPT TO:") && group.endsWith("DATA\r\n"), "one write: " + group);
        }
    }

    @Test
    void aRelayThatDoesNotOfferPipeliningGetsOneCommandAtATime() throws Exception {
        relay = Relay.proxy(mailbox.port(), false);
        sendThree(relay.workerSession(true));

        assertEquals(3, mailbox.all().size());
        List<String> mailFrom = relay.writesContaining("MAIL FROM:");
        assertEquals(3, mailFrom.size(), relay.writes().toString());
        mailFrom.forEach(write -> assertFalse(write.contains("RCPT TO:"), write));
    }

    @Test
    void aRefusedRecipientFailsTheMailWithTheRelaysReply() throws Exception {
        relay = Relay.scripted(command -> {
            if (command.startsWith("EHLO")) {
                return "250-relay\r\n250 PIPELINING\r\n";
            }
            if (command.startsWith("RCPT TO:")) {
                return "550 5.1.1 no such mailbox here\r\n";
            }
            if (command.equals("DATA")) {
                return "554 5.5.1 no valid recipients\r\n";
            }
            return command.equals("QUIT") ? "221 bye\r\n" : "250 ok\r\n";
        });
        Transport transport = relay.workerSession(true).getTransport("smtp");
        transport.connect();
        try {
            MessagingException refused = assertThrows(MessagingException.class, () -> send(transport, 1));
            assertTrue(refused.getMessage().contains("550 5.1.1 no such mailbox here"), refused.getMessage());
        } finally {
            transport.close();
        }
        assertTrue(relay.writesContaining("MAIL FROM:").get(0).contains("RCPT TO:"), relay.writes().toString());
    }

    /** Three mails over one connection, as the worker sends a batch. */
    private static void sendThree(Session session) throws MessagingException {
        Transport transport = session.getTransport("smtp");
        transport.connect();
        try {
            for (int i = 1; i <= 3; i++) {
                send(transport, i);
            }
        } finally {
            transport.close();
        }
    }

    private static void send(Transport transport, int i) throws MessagingException {
        MimeMessage message = new MimeMessage((Session) null);
        message.setFrom(new InternetAddress("from@example.com"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("to" + i + "@example.com"));
        message.setSubject("Mail " + i);
        message.setText("Body of mail " + i);
        message.saveChanges();
        transport.sendMessage(message, message.getAllRecipients());
    }

    /** A relay on a loopback port: a proxy in front of GreenMail, or a scripted one; records each write the client made. */
    private static final class Relay extends RecordingRelay {
        private Relay() throws IOException {
        }

        /** In front of GreenMail on {@code port}; {@code offerPipelining} adds PIPELINING to its EHLO reply. */
        static Relay proxy(int port, boolean offerPipelining) throws IOException {
            Relay relay = new Relay();
            relay.acceptEach(client -> {
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), port);
                relay.sockets.add(upstream);
                boolean[] ehloSent = {false};
                Thread down = new Thread(() -> relay.pump(upstream, client, reply -> {
                    if (offerPipelining && ehloSent[0] && reply.startsWith("250-")) {
                        ehloSent[0] = false;
                        return reply.replaceFirst("\r\n", "\r\n250-PIPELINING\r\n");
                    }
                    return reply;
                }));
                down.setDaemon(true);
                down.start();
                relay.pump(client, upstream, write -> {
                    relay.record(write);
                    ehloSent[0] |= write.startsWith("EHLO");
                    return write;
                });
            });
            return relay;
        }

        /** Answers each command line with {@code reply}; the message after DATA is never reached. */
        static Relay scripted(Function<String, String> reply) throws IOException {
            Relay relay = new Relay();
            relay.acceptEach(client -> {
                OutputStream out = client.getOutputStream();
                out.write("220 relay ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
                InputStream in = client.getInputStream();
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    String write = new String(buffer, 0, n, StandardCharsets.US_ASCII);
                    relay.record(write);
                    StringBuilder replies = new StringBuilder();
                    for (String command : write.split("\r\n")) {
                        replies.append(reply.apply(command));
                    }
                    out.write(replies.toString().getBytes(StandardCharsets.US_ASCII));
                    if (write.contains("QUIT")) {
                        return;
                    }
                }
            });
            return relay;
        }

        private interface Connection {
            void serve(Socket client) throws IOException;
        }

        private void acceptEach(Connection connection) {
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        sockets.add(client);
                        Thread serving = new Thread(() -> {
                            try (client) {
                                connection.serve(client);
                            } catch (IOException e) {
                                // the client or GreenMail went away
                            }
                        });
                        serving.setDaemon(true);
                        serving.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        /** Copies what {@code from} sends to {@code to}, read by read, through {@code edit}. */
        private void pump(Socket from, Socket to, Function<String, String> edit) {
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.write(edit.apply(new String(buffer, 0, n, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                try {
                    to.shutdownOutput();
                } catch (IOException e) {
                    // already closed
                }
            }
        }
    }
}
