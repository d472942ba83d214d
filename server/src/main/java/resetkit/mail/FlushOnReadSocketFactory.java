package resetkit.mail;

import javax.net.SocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;

/**
 * Sockets whose output is sent when the socket is read from (or closed, or when much is pending),
 * not at every flush. Jakarta Mail flushes after each SMTP command; over these sockets the
 * commands a {@link PipeliningSmtpTransport} sends without waiting, and the DATA after them,
 * leave in one write, so the relay is woken once per group instead of once per command. A client
 * that writes and then waits for the answer behaves exactly as before: its read sends what it wrote.
 */
final class FlushOnReadSocketFactory extends SocketFactory {
    /** pending output beyond this is written at once (a message body, for one) */
    private static final int MAX_PENDING = 64 * 1024;
    /** the socket this thread made last, until the transport that asked for it takes it ({@link #takeSocketMadeOnThisThread}) */
    private static final ThreadLocal<Socket> MADE_HERE = new ThreadLocal<>();

    /**
     * The socket this factory last made on the calling thread, or null; forgotten once taken.
     * Jakarta Mail keeps its socket to itself: {@link PipeliningSmtpTransport} takes it right after
     * connecting, to write BDAT content past Jakarta Mail's streams.
     */
    static Socket takeSocketMadeOnThisThread() {
        Socket socket = MADE_HERE.get();
        MADE_HERE.remove();
        return socket;
    }

    @Override
    public Socket createSocket() {
        return madeHere(new FlushOnReadSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private static Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket socket = madeHere(new FlushOnReadSocket());
        if (local != null) {
            socket.bind(local);
        }
        socket.connect(remote);
        return socket;
    }

    private static Socket madeHere(Socket socket) {
        MADE_HERE.set(socket);
        return socket;
    }

    private static final class FlushOnReadSocket extends Socket {
        private PendingOutput output;
        private InputStream input;

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (output == null) {
                output = new PendingOutput(super.getOutputStream());
            }
            return output;
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (input == null) {
                input = new SendingBeforeRead(super.getInputStream(), (PendingOutput) getOutputStream());
            }
            return input;
        }

        @Override
        public void shutdownOutput() throws IOException {
            sendPending();
            super.shutdownOutput();
        }

        @Override
        public synchronized void close() throws IOException {
            try {
                if (!isClosed() && isConnected() && !isOutputShutdown()) {
                    sendPending();
                }
            } catch (IOException e) {
                // closing anyway
            } finally {
                super.close();
            }
        }

        private synchronized void sendPending() throws IOException {
            if (output != null) {
                output.send();
            }
        }
    }

    private static final class PendingOutput extends OutputStream {
        private final OutputStream socket;
        private byte[] pending = new byte[1024];
        private int length;

        PendingOutput(OutputStream socket) {
            this.socket = socket;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int count) throws IOException {
            if (length + count > MAX_PENDING) {
                send();
                socket.write(bytes, offset, count);
                return;
            }
            if (length + count > pending.length) {
                pending = Arrays.copyOf(pending, Math.max(pending.length * 2, length + count));
            }
            System.arraycopy(bytes, offset, pending, length, count);
            length += count;
        }

        /** Nothing: what is pending goes out with the next read ({@link #send}). */
        @Override
        public void flush() {
        }

        synchronized void send() throws IOException {
            if (length > 0) {
                socket.write(pending, 0, length);
                length = 0;
            }
            socket.flush();
        }

        @Override
        public void close() throws IOException {
            send();
            socket.close();
        }
    }

    private static final class SendingBeforeRead extends InputStream {
        private final InputStream socket;
        private final PendingOutput output;

        SendingBeforeRead(InputStream socket, PendingOutput output) {
            this.socket = socket;
            this.output = output;
        }

        @Override
        public int read() throws IOException {
            output.send();
            return socket.read();
        }

        @Override
        public int read(byte[] bytes, int offset, int count) throws IOException {
            output.send();
            return socket.read(bytes, offset, count);
        }

        @Override
        public int available() throws IOException {
            return socket.available();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
