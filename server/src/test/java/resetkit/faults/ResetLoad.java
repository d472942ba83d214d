package resetkit.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Concurrent native reset requests, one account per request (so a mail names its request by its
 * recipient), until told to stop or the accounts run out. Records which requests got a 2xx.
 */
final class ResetLoad implements AutoCloseable {
    private final String baseUrl;
    private final int endAccount;
    private final ExecutorService pool;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger next = new AtomicInteger();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final Map<String, String> failed = new ConcurrentHashMap<>();
    private final CountDownLatch done;
    private volatile boolean stopped;
    private final Duration pause;

    /** Requests for the accounts {@code 0 .. endAccount-1}, in that order, from {@code threads} threads. */
    ResetLoad(String baseUrl, int endAccount, int threads) {
        this(baseUrl, endAccount, threads, Duration.ZERO);
    }

    /** As above, each thread pausing between its requests (clients that think, not a benchmark). */
    ResetLoad(String baseUrl, int endAccount, int threads, Duration pause) {
        this.pause = pause;
        this.baseUrl = baseUrl;
        this.endAccount = endAccount;
        this.pool = Executors.newFixedThreadPool(threads);
        this.done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(this::run);
        }
    }

    private void run() {
        try {
            int i;
            while (!stopped && (i = next.getAndIncrement()) < endAccount) {
                String recipient = ProcessFixture.recipient(i);
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/password-resets"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + ProcessFixture.API_KEY)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"identifier\":\"" + recipient + "\"}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() / 100 == 2) {
                        accepted.add(recipient);
                    } else {
                        failed.put(recipient, response.statusCode() + " " + response.body());
                    }
                } catch (Exception e) {
                    failed.put(recipient, e.toString());
                }
                pause();
            }
        } finally {
            done.countDown();
        }
    }

    private void pause() {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    /** Recipients whose request was answered 2xx. */
    Set<String> accepted() {
        return accepted;
    }

    /** Recipients whose request got another status, or no answer. */
    Map<String, String> failed() {
        return failed;
    }

    /** Waits until {@code count} requests were accepted. */
    void awaitAccepted(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (accepted.size() < count) {
            if (System.nanoTime() > deadline || done.getCount() == 0) {
                throw new AssertionError("only " + accepted.size() + " requests accepted; failures: " + failed);
            }
            Thread.sleep(5);
        }
    }

    /** Waits until a request failed (for instance because the server is gone). */
    void awaitFailure(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (failed.isEmpty()) {
            if (System.nanoTime() > deadline || done.getCount() == 0) {
                throw new AssertionError("no request failed; accepted " + accepted.size());
            }
            Thread.sleep(5);
        }
    }

    /** Lets the requests under way end (with an answer or an error) and stops sending new ones. */
    void stopAndAwait(Duration timeout) throws InterruptedException {
        stopped = true;
        if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("requests still running after " + timeout);
        }
    }

    @Override
    public void close() {
        stopped = true;
        pool.shutdownNow();
    }
}
