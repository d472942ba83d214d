package resetkit.account;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import resetkit.support.Digests;
import resetkit.support.RandomSecrets;

import java.time.Clock;
import java.util.Optional;

/** Issues tenant API keys and resolves a presented key to its tenant. */
@Singleton
public class ApiKeys {
    private static final String PREFIX = "rk_";

    private final TenantApiKeyRepository keys;
    private final Clock clock;
    private final TenantCache cache;

    ApiKeys(TenantApiKeyRepository keys, Clock clock, TenantCache cache) {
        this.cache = cache;
        this.keys = keys;
        this.clock = clock;
    }

    /** Creates a new random key for the tenant; the clear key is returned once and never stored. */
    public String issue(String tenantId) {
        String key = PREFIX + RandomSecrets.urlSafe(32);
        register(tenantId, key);
        return key;
    }

    /** Registers a key chosen elsewhere (the bootstrap file). */
    public void register(String tenantId, String key) {
        String digest = Digests.sha256Hex(key);
        if (!keys.existsById(digest)) {
            keys.save(new TenantApiKey(digest, tenantId, clock.instant()));
        }
    }

    /**
     * The lookup is by digest, so the time it takes does not depend on how much of a guessed key
     * matches a stored one.
     */
    public Optional<String> tenantOf(String presentedKey) {
        if (!wellFormed(presentedKey)) {
            return Optional.empty();
        }
        return cache.tenantOfKey(Digests.sha256Hex(presentedKey), digest -> keys.findById(digest).map(TenantApiKey::tenantId));
    }

    /** What {@link #tenantOf} answers for a well-formed key when this instance has seen it before; null: only the database knows. */
    @Nullable
    public String cachedTenantOf(String presentedKey) {
        return cache.cachedTenantOfKey(Digests.sha256Hex(presentedKey));
    }

    /** A key that cannot be anyone's: refused without a lookup. */
    public static boolean wellFormed(@Nullable String presentedKey) {
        return presentedKey != null && !presentedKey.isBlank() && presentedKey.length() <= 512;
    }
}
