package resetkit.ops;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class CachedHealthIndicatorTest {
    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger probes = new AtomicInteger();

    private class CountingCheck extends CachedHealthIndicator<Integer> {
        private final CountDownLatch probing;

        CountingCheck(CountDownLatch probing) {
            super(Duration.ofSeconds(2), now::get);
            this.probing = probing;
        }

        @Override
        protected Integer getHealthInformation() {
            try {
                probing.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int n = probes.incrementAndGet();
            healthStatus = n % 2 == 1 ? HealthStatus.UP : HealthStatus.DOWN;
            return n;
        }

        @Override
        protected String getName() {
            return "counting";
        }

        HealthResult result() {
            return getHealthResult();
        }
    }

    @Test
    void aResultIsReusedUntilItIsOlderThanTheCacheTime() {
        CountingCheck check = new CountingCheck(new CountDownLatch(0));
        HealthResult first = check.result();
        assertEquals(HealthStatus.UP, first.getStatus());
        now.addAndGet(Duration.ofMillis(1999).toNanos());
        assertSame(first, check.result());
        assertEquals(1, probes.get());

        now.addAndGet(Duration.ofMillis(1).toNanos());
        HealthResult second = check.result();
        assertEquals(2, probes.get());
        assertEquals(HealthStatus.DOWN, second.getStatus());
        assertEquals(2, second.getDetails());
    }

    @Test
    void callersArrivingDuringACheckShareItsResult() throws Exception {
        CountDownLatch probing = new CountDownLatch(1);
        CountingCheck check = new CountingCheck(probing);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<HealthResult>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(callers.submit(check::result));
            }
            Thread.sleep(100);
            probing.countDown();
            for (Future<HealthResult> result : results) {
                assertEquals(1, result.get(5, TimeUnit.SECONDS).getDetails());
            }
            assertEquals(1, probes.get());
        } finally {
            callers.shutdownNow();
        }
    }
}
