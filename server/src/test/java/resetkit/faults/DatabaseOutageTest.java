package resetkit.faults;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import resetkit.faults.DialectRequests.DialectRequest;
import resetkit.testing.CapturedLogs;
import resetkit.testing.CuttableProxy;
import resetkit.testing.IntegrationTest;
import resetkit.testing.TestDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MariaDB becomes unreachable (the link through a proxy is cut): the service answers 503 quickly
 * instead of hanging, in the error shape of the API asked, and recovers by itself once the database
 * is back. MariaDB runs only. The demo data serves each dialect's documented example request.
 */
@MicronautTest(environments = "demo", transactional = false)
class DatabaseOutageTest extends IntegrationTest {
    private CuttableProxy proxy;

    @Override
    protected Map<String, String> extraProperties() {
        if (!TestDatabase.isMysql()) {
            return Map.of();
        }
        try {
            proxy = new CuttableProxy("127.0.0.1", 3306).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> props = new HashMap<>();
        props.put("datasources.default.url", database.jdbcUrl().replace("127.0.0.1:3306", "127.0.0.1:" + proxy.port())
                + "&connectTimeout=1000&socketTimeout=3000");
        props.put("datasources.default.connection-timeout", "2000");
        return props;
    }

    @BeforeAll
    void onlyOnMariaDb() {
        Assumptions.assumeTrue(TestDatabase.isMysql(), "needs -Dresetkit.test.db=mariadb");
    }

    /** The reset request body for {@code t}'s account, sent once and accepted while the database is reachable. */
    private String acceptedOnce(TestTenant t) throws Exception {
        String body = "{\"identifier\":\"" + t.email() + "\"}";
        assertEquals(202, post("/v1/password-resets", "application/json", body, bearer(t.apiKey())).statusCode());
        return body;
    }

    @Test
    void answers503WhileTheDatabaseIsDownAndRecoversWithoutARestart() throws Exception {
        TestTenant t = newTenant("outage-db@example.com", "the old password 1");
        String body = acceptedOnce(t);

        proxy.cut();
        long start = System.nanoTime();
        HttpResponse<String> down = post("/v1/password-resets", "application/json", body, bearer(t.apiKey()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(503, down.statusCode(), down.body());
        assertTrue(down.body().contains("urn:resetkit:problem:service-unavailable"), down.body());
        assertTrue(down.headers().firstValue("Retry-After").isPresent());
        assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, "answered in " + took);

        proxy.restore();
        awaitRecovery(t, body);
        mailbox.awaitMessage(t.email(), 2, Duration.ofSeconds(15));
    }

    /**
     * The tenant key filters answer from the instance's cache on the event loop and ask the database
     * on the blocking executor only when the cache cannot answer: here the key was never seen (a new
     * tenant), so the filter's own lookup meets the outage and must answer 503 like the route would.
     */
    @Test
    void aKeyNotYetCachedIsAnswered503WhileTheDatabaseIsDown() throws Exception {
        TestTenant t = newTenant("outage-cold-key@example.com", "the old password 1");
        String body = "{\"identifier\":\"" + t.email() + "\"}";

        proxy.cut();
        HttpResponse<String> down;
        try {
            down = post("/v1/password-resets", "application/json", body, bearer(t.apiKey()));
        } finally {
            proxy.restore();
        }
        assertEquals(503, down.statusCode(), down.body());
        assertTrue(down.body().contains("urn:resetkit:problem:service-unavailable"), down.body());
        awaitRecovery(t, body);
    }

    @Test
    void concurrentRequestsWhileTheDatabaseHangsAllFailWithinTheConnectionTimeout() throws Exception {
        TestTenant t = newTenant("outage-many@example.com", "the old password 1");
        String body = acceptedOnce(t);

        proxy.stall();
        ExecutorService callers = Executors.newFixedThreadPool(16);
        CapturedLogs logged = new CapturedLogs();
        try {
            List<Future<long[]>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(callers.submit(() -> {
                    long start = System.nanoTime();
                    int status = post("/v1/password-resets", "application/json", body, bearer(t.apiKey())).statusCode();
                    return new long[] {status, System.nanoTime() - start};
                }));
            }
            for (Future<long[]> answer : answers) {
                long[] statusAndNanos = answer.get(60, TimeUnit.SECONDS);
                assertEquals(503, statusAndNanos[0]);
                // requests that shared a failed transaction are not retried one by one, each waiting out
                // the 2 s connection timeout again
                assertTrue(Duration.ofNanos(statusAndNanos[1]).compareTo(Duration.ofSeconds(12)) < 0,
                        "answered in " + Duration.ofNanos(statusAndNanos[1]));
            }
        } finally {
            logged.close();
            callers.shutdownNow();
            proxy.restore();
        }
        // an outage fails every request alike: a line now and then says so, not a stack trace per request
        List<ILoggingEvent> ours = logged.events().stream()
                .filter(e -> e.getLoggerName().startsWith("resetkit") || e.getLoggerName().startsWith("io.micronaut.http")).toList();
        assertTrue(ours.stream().noneMatch(e -> e.getLevel() == Level.ERROR), ours.toString());
        assertTrue(ours.stream().filter(e -> e.getFormattedMessage().startsWith("Database unreachable")).count() <= 2, ours.toString());
        awaitRecovery(t, body);
    }

    /** The native request is accepted again within 30 s, without a restart. */
    private void awaitRecovery(TestTenant t, String body) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && status != 202) {
            status = post("/v1/password-resets", "application/json", body, bearer(t.apiKey())).statusCode();
            if (status != 202) {
                Thread.sleep(200);
            }
        }
        assertEquals(202, status, "recovered without a restart");
    }

    @Test
    void everyDialectAnswers503InItsOwnShapeAndRecovers() throws Exception {
        Map<String, Integer> expectedMails = new HashMap<>();
        for (DialectRequest request : DialectRequests.ALL) {
            assertEquals(request.success(), request.send(server.getURL().toString()).statusCode(), request.dialect());
            expectedMails.merge(request.recipient(), 1, Integer::sum);
        }

        proxy.cut();
        try {
            for (DialectRequest request : DialectRequests.ALL) {
                long start = System.nanoTime();
                HttpResponse<String> down = request.send(server.getURL().toString());
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertTrue(request.isUnavailableShape(down), request.dialect() + ": " + down.statusCode() + " " + down.body());
                assertTrue(down.headers().firstValue("Retry-After").isPresent(), request.dialect());
                assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, request.dialect() + " answered in " + took);
            }
        } finally {
            proxy.restore();
        }

        for (DialectRequest request : DialectRequests.ALL) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int status = 0;
            while (System.nanoTime() < deadline && status != request.success()) {
                status = request.send(server.getURL().toString()).statusCode();
                if (status != request.success()) {
                    Thread.sleep(200);
                }
            }
            assertEquals(request.success(), status, request.dialect() + " recovered without a restart");
            expectedMails.merge(request.recipient(), 1, Integer::sum);
        }
        for (Map.Entry<String, Integer> expected : expectedMails.entrySet()) {
            mailbox.awaitMessage(expected.getKey(), expected.getValue(), Duration.ofSeconds(20));
        }
        Thread.sleep(500); // a duplicate would arrive with the next polls
        for (Map.Entry<String, Integer> expected : expectedMails.entrySet()) {
            assertEquals(expected.getValue(), mailbox.to(expected.getKey()).size(), "no request of the outage mailed: " + expected.getKey());
        }
    }
}
