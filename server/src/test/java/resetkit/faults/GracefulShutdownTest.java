package resetkit.faults;

import org.junit.jupiter.api.Test;
import resetkit.testing.ServerProcess;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM under load: requests the server is already reading (slow clients still uploading their
 * bodies, and a crowd of concurrent fast ones) are answered, the outbox worker stops without
 * leaving a message claimed-but-unsent, and the process exits 0. After a restart every accepted
 * request is mailed exactly once.
 */
class GracefulShutdownTest {
    private static final int FAST_ACCOUNTS = 600;
    private static final int SLOW_CLIENTS = 8;

    @Test
    void inFlightRequestsFinishAndTheWorkerStopsCleanly() throws Exception {
        try (ProcessFixture fixture = new ProcessFixture(FAST_ACCOUNTS + SLOW_CLIENTS)) {
            Set<String> accepted = new HashSet<>();
            try (ServerProcess server = fixture.start(Map.of())) {
                List<SlowClient> slow = new ArrayList<>();
                for (int i = 0; i < SLOW_CLIENTS; i++) {
                    slow.add(new SlowClient(server, ProcessFixture.recipient(FAST_ACCOUNTS + i)));
                }
                try (ResetLoad load = new ResetLoad(server.baseUrl(), FAST_ACCOUNTS, 12, Duration.ofMillis(100))) {
                    load.awaitAccepted(20, Duration.ofSeconds(30));
                    fixture.mailbox().awaitMessage(ProcessFixture.recipient(0), 1, Duration.ofSeconds(20));

                    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> terminate(server));
                    Thread.sleep(500); // the slow clients are still uploading while the server shuts down
                    for (SlowClient client : slow) {
                        assertEquals(202, client.finish(), "a request in flight at SIGTERM is answered: " + client.recipient);
                        accepted.add(client.recipient);
                    }
                    assertEquals(0, exit.get(), "exit status after SIGTERM; log:\n" + server.log());
                    load.stopAndAwait(Duration.ofSeconds(40));
                    accepted.addAll(load.accepted());
                    assertTrue(load.accepted().size() < FAST_ACCOUNTS, "SIGTERM came while the load was running");
                }
            }

            List<ProcessFixture.Row> rows = fixture.outbox();
            assertEquals(accepted, rows.stream().map(ProcessFixture.Row::recipient).collect(Collectors.toSet()),
                    "a request was committed exactly when it was answered 2xx");
            assertEquals(accepted.size(), rows.size());
            assertTrue(rows.stream().noneMatch(r -> r.status().equals("PENDING") && r.claimedBy() != null),
                    "nothing left claimed-but-unsent: " + rows);

            try (ServerProcess restarted = fixture.start(Map.of())) {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!fixture.mailsPerRecipient().keySet().containsAll(accepted) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                Thread.sleep(1000); // a duplicate would arrive now
                Map<String, Integer> perRecipient = fixture.mailsPerRecipient();
                for (String recipient : accepted) {
                    assertEquals(1, perRecipient.getOrDefault(recipient, 0), "mailed exactly once: " + recipient);
                }
                assertEquals(accepted.size(), fixture.mailbox().all().size());
                assertEquals(0, restarted.terminate(Duration.ofSeconds(30)));
            }
        }
    }

    private static int terminate(ServerProcess server) {
        try {
            return server.terminate(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A client on a slow link: sends the request head and half its body now, the rest later. */
    private static final class SlowClient {
        private final String recipient;
        private final Socket socket;
        private final byte[] rest;

        SlowClient(ServerProcess server, String recipient) throws IOException {
            this.recipient = recipient;
            byte[] body = ("{\"identifier\":\"" + recipient + "\"}").getBytes(StandardCharsets.UTF_8);
            String head = "POST /v1/password-resets HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + ProcessFixture.API_KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            socket = new Socket("127.0.0.1", Integer.parseInt(server.baseUrl().substring(server.baseUrl().lastIndexOf(':') + 1)));
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            rest = java.util.Arrays.copyOfRange(body, body.length / 2, body.length);
        }

        /** Sends the rest of the body; returns the response status. */
        int finish() throws IOException {
            try (socket) {
                socket.getOutputStream().write(rest);
                socket.getOutputStream().flush();
                InputStream in = socket.getInputStream();
                String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                if (response.isEmpty()) {
                    throw new AssertionError("connection closed without an answer: " + recipient);
                }
                return Integer.parseInt(response.split(" ", 3)[1]);
            }
        }
    }
}
