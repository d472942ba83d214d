package resetkit.account;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Every tenant-authenticated request resolves its API key and loads its tenant: two queries that
 * almost always give the same answer. This keeps both answers for a short time. Key digests map to
 * a tenant for good (keys are never reassigned); tenant rows expire after {@code tenant-ttl} and
 * are forgotten at once when this instance changes them, so another instance sees a change at most
 * {@code tenant-ttl} late. Unknown keys are never cached: a new key works at once.
 */
@Singleton
public class TenantCache {
    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, String> tenantOfKey = new ConcurrentHashMap<>();
    private final Map<String, Entry> tenants = new ConcurrentHashMap<>();
    private final Settings settings;

    TenantCache(Settings settings) {
        this.settings = settings;
    }

    public Optional<String> tenantOfKey(String keyDigest, Function<String, Optional<String>> lookup) {
        String cached = cachedTenantOfKey(keyDigest);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<String> found = lookup.apply(keyDigest);
        found.ifPresent(id -> bounded(tenantOfKey).put(keyDigest, id));
        return found;
    }

    public Optional<Tenant> tenant(String tenantId, Function<String, Optional<Tenant>> lookup) {
        Tenant cached = cachedTenant(tenantId);
        if (cached != null) {
            return Optional.of(cached);
        }
        // monotonic time, not the injectable clock: tests move that one around
        long now = System.nanoTime();
        Optional<Tenant> found = lookup.apply(tenantId);
        if (!settings.getTenantTtl().isZero()) {
            found.ifPresent(t -> bounded(tenants).put(tenantId, new Entry(t, now + settings.getTenantTtl().toNanos())));
        }
        return found;
    }

    /** The tenant a key digest belongs to, if this instance knows it already; null: ask the database. */
    @Nullable
    public String cachedTenantOfKey(String keyDigest) {
        return tenantOfKey.get(keyDigest);
    }

    /** The tenant row, if this instance holds one that has not expired; null: ask the database. */
    @Nullable
    public Tenant cachedTenant(String tenantId) {
        Entry cached = tenants.get(tenantId);
        return cached != null && System.nanoTime() - cached.expiresAt() < 0 ? cached.tenant() : null;
    }

    public void forget(String tenantId) {
        tenants.remove(tenantId);
    }

    private static <V> Map<String, V> bounded(Map<String, V> map) {
        if (map.size() >= MAX_ENTRIES) {
            map.clear();
        }
        return map;
    }

    private record Entry(Tenant tenant, long expiresAt) {
    }

    @ConfigurationProperties("resetkit.tenant-cache")
    public static class Settings {
        /** How long a loaded tenant row is reused; 0 turns the tenant cache off. */
        private Duration tenantTtl = Duration.ofSeconds(2);

        public Duration getTenantTtl() {
            return tenantTtl;
        }

        public void setTenantTtl(Duration tenantTtl) {
            this.tenantTtl = tenantTtl;
        }
    }
}
