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
        String trimmed = identifier == null ? "" : identifier.trim();
        String email = normaliseEmail(trimmed);
        List<Account> candidates = trimmed.isEmpty() ? List.of() : accounts.findCandidates(tenantId, email, trimmed);
        return candidates.stream()
                .min(Comparator.comparingInt(a -> a.email().equals(email) ? 0 : 1));
    }

    public static String normaliseEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
