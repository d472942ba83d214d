package resetkit.ratelimit;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import resetkit.client.ApiException;
import resetkit.client.model.PasswordResetRequest;
import resetkit.client.model.RateLimits;
import resetkit.client.model.RateLimitsUpdate;
import resetkit.testing.AllAtOnce;
import resetkit.testing.IntegrationTest;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Limits on reset requests, counted in the database: per identifier, per client IP, per tenant.
 * Concurrent requests share transactions (group commit), so the bursts below also check that
 * requests counted together are counted exactly as if they had come one at a time.
 */
@MicronautTest(transactional = false)
class RateLimitTest extends IntegrationTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("resetkit.rate-limit.enabled", "true", "resetkit.rate-limit.per-ip", "1000");
    }

    @Test
    void aBurstForOneIdentifierSendsAtMostTheLimitOfMails() throws Exception {
        TestTenant t = newTenant("burst@example.com", "the old password 1");
        int accepted = 0;
        int limited = 0;
        for (int i = 0; i < 12; i++) {
            HttpResponse<String> response = post("/v1/password-resets", "application/json",
                    "{\"identifier\":\"" + (i % 2 == 0 ? "burst@example.com" : "BURST@example.com") + "\"}", bearer(t.apiKey()));
            if (response.statusCode() == 202) {
                accepted++;
            } else {
                assertEquals(429, response.statusCode(), response.body());
                assertEquals("application/problem+json", response.headers().firstValue("content-type").orElse(""));
                assertTrue(response.body().contains("urn:resetkit:problem:rate-limited"), response.body());
                long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
                assertTrue(retryAfter > 3500 && retryAfter <= 3600, "Retry-After " + retryAfter);
                limited++;
            }
        }
        assertEquals(5, accepted);
        assertEquals(7, limited);
        mailbox.awaitMessage(t.email(), 5, Duration.ofSeconds(10));
        Thread.sleep(300);
        assertEquals(5, mailbox.to(t.email()).size());
        assertTrue(admin().listEvents(t.id(), 50, adminAuth()).getEvents().stream().anyMatch(e -> e.getType().equals("reset.rate_limited")));
    }

    @Test
    void unknownIdentifiersAreLimitedExactlyLikeKnownOnes() throws Exception {
        TestTenant t = newTenant("known-limit@example.com", "the old password 1");
        for (String identifier : new String[]{"known-limit@example.com", "unknown-limit@example.com"}) {
            for (int i = 0; i < 5; i++) {
                resets().requestPasswordReset(new PasswordResetRequest().identifier(identifier), bearer(t.apiKey()));
            }
            ApiException e = assertThrows(ApiException.class,
                    () -> resets().requestPasswordReset(new PasswordResetRequest().identifier(identifier), bearer(t.apiKey())));
            assertEquals(429, e.getCode());
        }
    }

    @Test
    void theWindowEndsAndTheTenantCanSetItsOwnLimits() throws Exception {
        TestTenant t = newTenant("window@example.com", "the old password 1");
        RateLimits set = admin().setRateLimits(t.id(), new RateLimitsUpdate().perIdentifier(2).perTenant(1000), adminAuth());
        assertEquals(2, set.getPerIdentifier());
        assertEquals(1000, set.getPerIp());
        assertEquals(3600L, set.getIdentifierWindowSeconds());
        assertEquals(2, admin().getRateLimits(t.id(), adminAuth()).getPerIdentifier());

        for (int i = 0; i < 2; i++) {
            resets().requestPasswordReset(new PasswordResetRequest().identifier(t.email()), bearer(t.apiKey()));
        }
        assertEquals(429, assertThrows(ApiException.class, () -> resets().requestPasswordReset(
                new PasswordResetRequest().identifier(t.email()), bearer(t.apiKey()))).getCode());
        clock.advance(Duration.ofMinutes(61));
        try {
            resets().requestPasswordReset(new PasswordResetRequest().identifier(t.email()), bearer(t.apiKey()));
        } finally {
            clock.reset();
        }
    }

    @Test
    void theTenantLimitCoversAllIdentifiers() throws Exception {
        TestTenant t = newTenant("tenant-limit@example.com", "the old password 1");
        admin().setRateLimits(t.id(), new RateLimitsUpdate().perTenant(3), adminAuth());
        for (int i = 0; i < 3; i++) {
            resets().requestPasswordReset(new PasswordResetRequest().identifier("someone" + i + "@example.com"), bearer(t.apiKey()));
        }
        assertEquals(429, assertThrows(ApiException.class, () -> resets().requestPasswordReset(
                new PasswordResetRequest().identifier("someone-else@example.com"), bearer(t.apiKey()))).getCode());
    }

    @Test
    void theClientAddressLimitCoversAllIdentifiers() throws Exception {
        TestTenant t = newTenant("ip-limit@example.com", "the old password 1");
        admin().setRateLimits(t.id(), new RateLimitsUpdate().perIp(4), adminAuth());
        for (int i = 0; i < 4; i++) {
            resets().requestPasswordReset(new PasswordResetRequest().identifier("ip" + i + "@example.com"), bearer(t.apiKey()));
        }
        assertEquals(429, assertThrows(ApiException.class, () -> resets().requestPasswordReset(
                new PasswordResetRequest().identifier("ip-other@example.com"), bearer(t.apiKey()))).getCode());
    }

    @Test
    void aConcurrentBurstIsCountedExactly() throws Exception {
        TestTenant t = newTenant("concurrent@example.com", "the old password 1");
        List<Integer> statuses = burst(24, i -> "{\"identifier\":\"concurrent@example.com\"}", t);
        assertEquals(5, statuses.stream().filter(s -> s == 202).count(), statuses.toString());
        assertEquals(19, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
        mailbox.awaitMessage(t.email(), 5, Duration.ofSeconds(10));
        Thread.sleep(300);
        assertEquals(5, mailbox.to(t.email()).size());
        assertEquals(19, admin().listEvents(t.id(), 100, adminAuth()).getEvents().stream()
                .filter(e -> e.getType().equals("reset.rate_limited")).count());
    }

    @Test
    void aConcurrentBurstOverManyIdentifiersMeetsTheTenantLimitExactly() throws Exception {
        TestTenant t = newTenant("tenant-burst@example.com", "the old password 1");
        admin().setRateLimits(t.id(), new RateLimitsUpdate().perTenant(7), adminAuth());
        List<Integer> statuses = burst(20, i -> "{\"identifier\":\"many" + i + "@example.com\"}", t);
        assertEquals(7, statuses.stream().filter(s -> s == 202).count(), statuses.toString());
        assertEquals(13, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
    }

    @Test
    void aRequestWithARefusedRedirectStillCounts() throws Exception {
        TestTenant t = newTenant("redirect-count@example.com", "the old password 1", "https://app.example.com/reset");
        admin().setRateLimits(t.id(), new RateLimitsUpdate().perIdentifier(2), adminAuth());
        for (int i = 0; i < 2; i++) {
            ApiException refused = assertThrows(ApiException.class, () -> resets().requestPasswordReset(
                    new PasswordResetRequest().identifier(t.email()).redirectUrl("https://evil.example.net/reset"), bearer(t.apiKey())));
            assertEquals(400, refused.getCode());
        }
        assertEquals(429, assertThrows(ApiException.class, () -> resets().requestPasswordReset(
                new PasswordResetRequest().identifier(t.email()), bearer(t.apiKey()))).getCode());
    }

    /** {@code count} reset requests sent at once from as many threads; their statuses. */
    private List<Integer> burst(int count, IntFunction<String> body, TestTenant t) throws Exception {
        return AllAtOnce.run(count, count, i -> {
            String json = body.apply(i);
            return () -> post("/v1/password-resets", "application/json", json, bearer(t.apiKey())).statusCode();
        });
    }
}
