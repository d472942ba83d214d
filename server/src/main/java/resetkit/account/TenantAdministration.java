package resetkit.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Creates tenants and accounts (admin API and bootstrap file). */
@Singleton
public class TenantAdministration {
    /** The API's TenantIdValue; enforced here too for the bootstrap file, which does not pass the API's validation. */
    static final Pattern TENANT_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$");

    private final TenantRepository tenants;
    private final AccountRepository accounts;
    private final ApiKeys apiKeys;
    private final PasswordHasher hasher;
    private final TenantDefaults defaults;
    private final Clock clock;
    private final TenantCache cache;

    TenantAdministration(TenantRepository tenants, AccountRepository accounts, ApiKeys apiKeys,
                         PasswordHasher hasher, TenantDefaults defaults, Clock clock, TenantCache cache) {
        this.cache = cache;
        this.tenants = tenants;
        this.accounts = accounts;
        this.apiKeys = apiKeys;
        this.hasher = hasher;
        this.defaults = defaults;
        this.clock = clock;
    }

    public record CreatedTenant(Tenant tenant, String apiKey) {
    }

    /** Creates the tenant with a fresh API key, or with {@code chosenKey} when one is given. */
    @Transactional
    public CreatedTenant createTenant(TenantSettings settings, String chosenKey) {
        if (settings.id() == null || !TENANT_ID.matcher(settings.id()).matches()) {
            throw new IllegalArgumentException("tenant id '" + settings.id() + "' must be 2 to 64 ASCII letters, digits, '_', '.' or '-', "
                    + "starting with a letter or digit");
        }
        if (tenants.existsById(settings.id())) {
            throw new AlreadyExistsException("Tenant '" + settings.id() + "' exists already.");
        }
        Tenant tenant = tenants.save(new Tenant(
                settings.id(),
                settings.name(),
                Tenant.joinUrls(settings.allowedRedirectUrls()),
                settings.tokenTtlSeconds() != null ? settings.tokenTtlSeconds() : defaults.getTokenTtlSeconds(),
                settings.minPasswordLength() != null ? settings.minPasswordLength() : defaults.getMinPasswordLength(),
                settings.mailFrom(),
                clock.instant(), null, null, null));
        String key;
        if (chosenKey != null) {
            apiKeys.register(tenant.id(), chosenKey);
            key = chosenKey;
        } else {
            key = apiKeys.issue(tenant.id());
        }
        return new CreatedTenant(tenant, key);
    }

    /** Sets the tenant's own rate limits; null means "use the configured default". */
    public Tenant updateRateLimits(String tenantId, Integer perIdentifier, Integer perIp, Integer perTenant) {
        Tenant t = requireTenant(tenantId);
        cache.forget(tenantId);
        return tenants.update(new Tenant(t.id(), t.name(), t.allowedRedirectUrls(), t.tokenTtlSeconds(),
                t.minPasswordLength(), t.mailFrom(), t.createdAt(), perIdentifier, perIp, perTenant));
    }

    /** As {@link #findTenant}, through the short-lived {@link TenantCache} (the per-request path). */
    public Optional<Tenant> findTenantCached(String tenantId) {
        return cache.tenant(tenantId, tenants::findById);
    }

    /** The tenant row from the {@link TenantCache} alone; null when it must be read (see {@link #findTenantCached}). */
    @Nullable
    public Tenant cachedTenant(String tenantId) {
        return cache.cachedTenant(tenantId);
    }

    public Optional<Tenant> findTenant(String tenantId) {
        return tenants.findById(tenantId);
    }

    public Tenant requireTenant(String tenantId) {
        return tenants.findById(tenantId).orElseThrow(() -> new UnknownTenantException(tenantId));
    }

    /** Hashes the password first: bcrypt is slow and must not hold a transaction open. */
    public Account createAccount(String tenantId, NewAccount request) {
        requireTenant(tenantId);
        String email = AccountDirectory.normaliseEmail(request.email());
        String passwordHash = request.password() == null ? null : hasher.hash(request.password());
        return insertAccount(tenantId, email, request, passwordHash);
    }

    /** The unique indexes decide races between concurrent creations. */
    private Account insertAccount(String tenantId, String email, NewAccount request, String passwordHash) {
        if (accounts.existsByTenantIdAndEmail(tenantId, email)) {
            throw new AlreadyExistsException("An account with this email exists already in tenant '" + tenantId + "'.");
        }
        try {
            return accounts.save(new Account(UUID.randomUUID().toString(), tenantId, email,
                    blankToNull(request.username()), blankToNull(request.externalId()), passwordHash,
                    request.locale(), clock.instant(), null));
        } catch (io.micronaut.data.exceptions.DataAccessException e) {
            throw new AlreadyExistsException("An account with this username or external id exists already in tenant '" + tenantId + "'.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
