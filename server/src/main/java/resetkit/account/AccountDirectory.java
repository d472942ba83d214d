package resetkit.account;

import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the account an identifier names within a tenant: its email (any case), username,
 * external id or resetkit id. An email match wins over the other kinds.
 */
@Singleton
public class AccountDirectory {
    private final AccountRepository accounts;

    AccountDirectory(AccountRepository accounts) {
        this.accounts = accounts;
    }

    public Optional<Account> find(String tenantId, String identifier) {
        return find(tenantId, identifier, accounts::findCandidates);
    }

    /**
     * As {@link #find}, and locks the account row until the caller's transaction ends: one
     * statement instead of a lookup and a lock. An identifier that names no account locks nothing
     * but runs the same statement.
     */
    public Optional<Account> findForUpdate(String tenantId, String identifier) {
        return find(tenantId, identifier, accounts::findCandidatesForUpdate);
    }

    private static Optional<Account> find(String tenantId, String identifier, CandidateQuery query) {
        String trimmed = identifier == null ? "" : identifier.trim();
        String email = normaliseEmail(trimmed);
        List<Account> candidates = trimmed.isEmpty() ? List.of() : query.find(tenantId, email, trimmed);
        return candidates.stream()
                .min(Comparator.comparingInt(a -> a.email().equals(email) ? 0 : 1));
    }

    @FunctionalInterface
    private interface CandidateQuery {
        List<Account> find(String tenantId, String email, String identifier);
    }

    public static String normaliseEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
