import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback SMTP sink for benchmarks: accepts every message, keeps none, and writes the running
 * count of accepted messages to a file (every 20 ms, when it changed) so the benchmark can see when
 * all mail has arrived. It shares the machine with the server it measures, so it does as little as
 * it can: bytes are scanned, not decoded into lines of text, the file is not rewritten per message,
 * and replies wait until the commands received so far are answered (one write per group, as a
 * pipelining relay does).
 * Usage: java bench/SmtpSink.java PORT COUNT_FILE
 */
public class SmtpSink {
    private static final byte[] GREETING = reply("220 sink ESMTP");
    // PIPELINING (RFC 2920): a client may send MAIL, RCPT and DATA together; their replies go back together too.
    // CHUNKING (RFC 3030): BDAT carries its content's length, so MAIL, RCPT, BDAT and the content come in one go.
    private static final byte[] EHLO = reply("250-sink\r\n250-PIPELINING\r\n250 CHUNKING");
    private static final byte[] GO_AHEAD = reply("354 go ahead");
    private static final byte[] ACCEPTED = reply("250 accepted");
    private static final byte[] BYE = reply("221 bye");
    private static final byte[] OK = reply("250 ok");

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path countFile = Path.of(args[1]);
        AtomicLong accepted = new AtomicLong();
        Files.writeString(countFile, "0");
        var writer = Executors.newSingleThreadScheduledExecutor();
        long[] written = {0};
        writer.scheduleWithFixedDelay(() -> {
            long n = accepted.get();
            if (n != written[0]) {
                try {
                    // write aside and rename, so a reader never sees a half-written number
                    Path next = countFile.resolveSibling(countFile.getFileName() + ".next");
                    Files.writeString(next, Long.toString(n));
                    Files.move(next, countFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    written[0] = n;
                } catch (IOException e) {
                    // try again on the next tick
                }
            }
        }, 20, 20, TimeUnit.MILLISECONDS);
        var pool = Executors.newCachedThreadPool();
        try (ServerSocket server = new ServerSocket(port, 200, InetAddress.getLoopbackAddress())) {
            while (true) {
                Socket socket = server.accept();
                pool.submit(() -> serve(socket, accepted));
            }
        }
    }

    private static void serve(Socket socket, AtomicLong accepted) {
        try (socket) {
            socket.setTcpNoDelay(true);
            Replies out = new Replies(socket.getOutputStream());
            Bytes in = new Bytes(socket.getInputStream(), out);
            out.write(GREETING);
            byte[] line = new byte[1024];
            int length;
            while ((length = readLine(in, line)) >= 0) {
                String command = new String(line, 0, Math.min(4, length), StandardCharsets.US_ASCII).toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> out.write(EHLO);
                    case "DATA" -> {
                        out.write(GO_AHEAD);
                        if (!skipMessage(in)) {
                            return;
                        }
                        accepted.incrementAndGet();
                        out.write(ACCEPTED);
                    }
                    case "BDAT" -> {
                        // BDAT <size> [LAST]: the chunk's bytes follow the line
                        String[] words = new String(line, 0, length, StandardCharsets.US_ASCII).trim().split(" +");
                        if (words.length < 2 || !skipBytes(in, Long.parseLong(words[1]))) {
                            return;
                        }
                        if (words.length > 2 && words[2].equalsIgnoreCase("LAST")) {
                            accepted.incrementAndGet();
                            out.write(ACCEPTED);
                        } else {
                            out.write(OK);
                        }
                    }
                    case "QUIT" -> {
                        out.write(BYE);
                        out.send();
                        return;
                    }
                    default -> out.write(OK);
                }
            }
        } catch (Exception e) {
            // a client that went away: nothing to do
        }
    }

    /** Reads one command line (without CRLF; longer lines are cut) into {@code buffer}; -1 at the end of the stream. */
    private static int readLine(Bytes in, byte[] buffer) throws IOException {
        int length = 0;
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                return length > 0 && buffer[length - 1] == '\r' ? length - 1 : length;
            }
            if (length < buffer.length) {
                buffer[length++] = (byte) b;
            }
        }
        return length == 0 ? -1 : length;
    }

    /** Skips the message up to the line holding a single dot; false if the stream ended first. */
    private static boolean skipMessage(Bytes in) throws IOException {
        // state: how much of "\r\n.\r\n" has been seen (the DATA reply counts as the first CRLF)
        byte[] end = {'\r', '\n', '.', '\r', '\n'};
        int matched = 2;
        int b;
        while ((b = in.read()) >= 0) {
            if (b == end[matched]) {
                matched++;
                if (matched == end.length) {
                    return true;
                }
            } else {
                matched = b == '\r' ? 1 : 0;
            }
        }
        return false;
    }

    /** Skips {@code count} bytes (a BDAT chunk); false if the stream ended first. */
    private static boolean skipBytes(Bytes in, long count) throws IOException {
        for (long i = 0; i < count; i++) {
            if (in.read() < 0) {
                return false;
            }
        }
        return true;
    }

    /** A read buffer of its own (BufferedInputStream.read() takes a lock for every byte); sends the pending replies before it waits for more. */
    private static final class Bytes {
        private final InputStream in;
        private final Replies replies;
        private final byte[] buffer = new byte[16384];
        private int position;
        private int limit;

        Bytes(InputStream in, Replies replies) {
            this.in = in;
            this.replies = replies;
        }

        int read() throws IOException {
            if (position == limit) {
                replies.send();
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return -1;
                }
            }
            return buffer[position++] & 0xff;
        }
    }

    /** Replies held until the client's commands received so far are all answered. */
    private static final class Replies {
        private final OutputStream out;
        private final byte[] buffer = new byte[4096];
        private int length;

        Replies(OutputStream out) {
            this.out = out;
        }

        void write(byte[] reply) throws IOException {
            if (length + reply.length > buffer.length) {
                send();
            }
            System.arraycopy(reply, 0, buffer, length, reply.length);
            length += reply.length;
        }

        void send() throws IOException {
            if (length > 0) {
                out.write(buffer, 0, length);
                length = 0;
            }
        }
    }

    private static byte[] reply(String text) {
        return (text + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
