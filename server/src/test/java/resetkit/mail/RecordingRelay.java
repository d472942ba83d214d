package resetkit.mail;

import jakarta.mail.Session;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A relay on a loopback port for the SMTP session tests; records each write the client made (one read each). */
abstract class RecordingRelay implements AutoCloseable {
    protected final ServerSocket server;
    protected final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
    private final List<String> writes = Collections.synchronizedList(new ArrayList<>());

    RecordingRelay() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    }

    /** The outbox worker's SMTP session towards this relay, BDAT on or off. */
    Session workerSession(boolean chunking) {
        SmtpSettings settings = new SmtpSettings();
        settings.setHost("127.0.0.1");
        settings.setPort(port());
        settings.setTimeout(Duration.ofSeconds(5));
        settings.setChunking(chunking);
        return new SmtpSessionProvider(settings).session();
    }

    void record(String write) {
        writes.add(write);
    }

    int port() {
        return server.getLocalPort();
    }

    List<String> writes() {
        synchronized (writes) {
            return List.copyOf(writes);
        }
    }

    List<String> writesContaining(String text) {
        return writes().stream().filter(w -> w.contains(text)).toList();
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (sockets) {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
