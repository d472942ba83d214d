package resetkit.ratelimit;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import resetkit.account.Tenant;
import resetkit.account.TenantAdministration;
import resetkit.client.model.RateLimitsUpdate;
import resetkit.testing.IntegrationTest;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RateLimiter#countAll}: many requests counted in one transaction come out exactly as if
 * each had been counted alone, in order: the limit, the stop at the first limit exceeded, and a
 * window that ends.
 */
@MicronautTest(transactional = false)
class RateLimiterBatchTest extends IntegrationTest {
    @Inject
    RateLimiter limiter;
    @Inject
    RateLimitCounterRepository counters;
    @Inject
    TenantAdministration tenants;
    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("resetkit.rate-limit.enabled", "true", "resetkit.rate-limit.per-ip", "1000");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void requestsForOneIdentifierInOneBatchAreAdmittedUpToTheLimit() throws Exception {
        Tenant tenant = tenant("one-batch@example.com");
        List<Duration> refusals = count(tenant, "one-batch@example.com", "ONE-BATCH@example.com ", "one-batch@example.com",
                "one-batch@example.com", "one-batch@example.com", "one-batch@example.com", "one-batch@example.com");
        for (int i = 0; i < 5; i++) {
            assertNull(refusals.get(i), "request " + i);
        }
        for (int i = 5; i < 7; i++) {
            assertNotNull(refusals.get(i), "request " + i);
            assertTrue(refusals.get(i).compareTo(Duration.ofMinutes(59)) > 0 && refusals.get(i).compareTo(Duration.ofHours(1)) <= 0);
        }
        assertEquals(List.of(7), hitsOf(tenant, "identifier", "one-batch@example.com"), "refused requests count too");
        assertEquals(List.of(7), hitsOf(tenant, "ip", "127.0.0.1"));
    }

    @Test
    void aRequestRefusedByTheTenantLimitCountsNoFurther() throws Exception {
        Tenant tenant = tenant("tenant-stop@example.com");
        admin().setRateLimits(tenant.id(), new RateLimitsUpdate().perTenant(3), adminAuth());
        tenant = tenants.requireTenant(tenant.id());
        List<Duration> refusals = count(tenant, "a@example.com", "b@example.com", "c@example.com", "d@example.com", "e@example.com");
        assertEquals(3, refusals.stream().filter(r -> r == null).count(), refusals.toString());
        assertNull(refusals.get(2));
        assertNotNull(refusals.get(3));
        assertEquals(List.of(5), hitsOf(tenant, "tenant", tenant.id()));
        assertEquals(List.of(3), hitsOf(tenant, "ip", "127.0.0.1"), "the tenant limit is checked first");
        assertEquals(List.of(), hitsOf(tenant, "identifier", "d@example.com"), "never counted");
    }

    @Test
    void aWindowThatEndedStartsOverForTheNextRequestOfTheBatch() throws Exception {
        Tenant tenant = tenant("window-batch@example.com");
        List<Duration> first = count(tenant, "window-batch@example.com", "window-batch@example.com", "window-batch@example.com",
                "window-batch@example.com", "window-batch@example.com", "window-batch@example.com");
        assertNotNull(first.get(5));
        clock.advance(Duration.ofMinutes(61));
        List<Duration> later = count(tenant, "window-batch@example.com", "window-batch@example.com");
        assertEquals(2, later.stream().filter(r -> r == null).count(), later.toString());
        assertEquals(List.of(2), hitsOf(tenant, "identifier", "window-batch@example.com"));
    }

    private Tenant tenant(String email) throws Exception {
        return tenants.requireTenant(newTenant(email, "the old password 1").id());
    }

    /** One batch from 127.0.0.1, counted in one transaction. */
    private List<Duration> count(Tenant tenant, String... identifiers) {
        List<RateLimiter.Hit> hits = new ArrayList<>();
        for (String identifier : identifiers) {
            hits.add(new RateLimiter.Hit(tenant, identifier, "127.0.0.1"));
        }
        return transactions.executeWrite(status -> limiter.countAll(hits));
    }

    private List<Integer> hitsOf(Tenant tenant, String dimension, String value) {
        return counters.findById(RateLimiter.key(tenant, dimension, value)).map(c -> List.of(c.hits())).orElse(List.of());
    }
}
