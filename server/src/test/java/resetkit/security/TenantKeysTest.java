package resetkit.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import resetkit.account.Tenant;
import resetkit.testing.IntegrationTest;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tenant key filters run on the event loop: a key this instance has resolved before, and its
 * tenant, are answered at once (no hand-over to the blocking executor); a key it has not seen is
 * looked up, and unknown keys are never cached, so each one is asked again.
 */
@MicronautTest(transactional = false)
class TenantKeysTest extends IntegrationTest {
    @Inject
    TenantKeys tenantKeys;

    @Test
    void aKnownKeyIsAnsweredFromTheCacheAndAttachedToTheRequest() throws Exception {
        TestTenant t = newTenant("keys@example.com", "some password 12");

        Optional<Tenant> looked = answer(HttpRequest.GET("/"), t.apiKey()).get(10, TimeUnit.SECONDS);
        assertEquals(t.id(), looked.orElseThrow().id());

        HttpRequest<?> request = HttpRequest.GET("/");
        CompletableFuture<Optional<Tenant>> cached = answer(request, t.apiKey());
        assertTrue(cached.isDone(), "answered without leaving the calling thread");
        assertEquals(t.id(), cached.get().orElseThrow().id());
        assertEquals(t.id(), request.getAttribute(CallerTenant.ATTRIBUTE, Tenant.class).orElseThrow().id());
    }

    @Test
    void malformedKeysAreRefusedAtOnceAndUnknownKeysAfterALookup() throws Exception {
        for (String malformed : new String[] {null, "", "   ", "k".repeat(513)}) {
            CompletableFuture<Optional<Tenant>> answer = answer(HttpRequest.GET("/"), malformed);
            assertTrue(answer.isDone());
            assertTrue(answer.get().isEmpty());
        }
        for (int i = 0; i < 2; i++) {
            HttpRequest<?> request = HttpRequest.GET("/");
            assertTrue(answer(request, "rk_never_issued").get(10, TimeUnit.SECONDS).isEmpty());
            assertFalse(request.getAttribute(CallerTenant.ATTRIBUTE).isPresent());
        }
    }

    private CompletableFuture<Optional<Tenant>> answer(HttpRequest<?> request, String key) {
        return tenantKeys.authenticateAsync(request, key).toCompletableFuture();
    }
}
