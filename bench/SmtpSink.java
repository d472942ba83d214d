import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback SMTP sink for benchmarks: accepts every message, keeps none, and writes the running
 * count of accepted messages to a file so the benchmark can see when all mail has arrived.
 * Usage: java bench/SmtpSink.java PORT COUNT_FILE
 */
public class SmtpSink {
    private static long written;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path countFile = Path.of(args[1]);
        AtomicLong accepted = new AtomicLong();
        Files.writeString(countFile, "0");
        var pool = Executors.newCachedThreadPool();
        try (ServerSocket server = new ServerSocket(port, 200, InetAddress.getLoopbackAddress())) {
            while (true) {
                Socket socket = server.accept();
                pool.submit(() -> serve(socket, accepted, countFile));
            }
        }
    }

    private static void serve(Socket socket, AtomicLong accepted, Path countFile) {
        try (socket) {
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            reply(out, "220 sink ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 sink");
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // discard the message
                        }
                        long n = accepted.incrementAndGet();
                        synchronized (SmtpSink.class) {
                            // write aside and rename, so a reader never sees a half-written number
                            Path next = countFile.resolveSibling(countFile.getFileName() + ".next");
                            Files.writeString(next, Long.toString(Math.max(n, written)));
                            Files.move(next, countFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                            written = Math.max(n, written);
                        }
                        reply(out, "250 accepted");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok");
                }
            }
        } catch (Exception e) {
            // a client that went away: nothing to do
        }
    }

    private static void reply(OutputStream out, String text) throws Exception {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
