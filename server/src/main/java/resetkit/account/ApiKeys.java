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
     * The digest a presented key is stored and looked up by, or null for a key that cannot be
     * anyone's (refused without a lookup). The lookup is by digest, so the time it takes does not
     * depend on how much of a guessed key matches a stored one.
     */
    @Nullable
    public static String digestOf(@Nullable String presentedKey) {
        boolean wellFormed = presentedKey != null && !presentedKey.isBlank() && presentedKey.length() <= 512;
        return wellFormed ? Digests.sha256Hex(presentedKey) : null;
    }

    /** The tenant a key's digest ({@link #digestOf}) belongs to: from this instance's cache, or the database. */
    public Optional<String> tenantOfDigest(String keyDigest) {
        return cache.tenantOfKey(keyDigest, digest -> keys.findById(digest).map(TenantApiKey::tenantId));
    }

    /** What {@link #tenantOfDigest} answers when this instance has seen the key before; null: only the database knows. */
    @Nullable
    public String cachedTenantOfDigest(String keyDigest) {
        return cache.cachedTenantOfKey(keyDigest);
    }
}
