package resetkit.account;

import jakarta.inject.Singleton;
import resetkit.support.InLists;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the account an identifier names within a tenant: its email (any case), username,
 * external id or resetkit id. An email match wins over the other kinds.
 */
@Singleton
public class AccountDirectory {
    private final AccountCandidates lookup;

    AccountDirectory(AccountCandidates lookup) {
        this.lookup = lookup;
    }

    public Optional<Account> find(String tenantId, String identifier) {
        String wanted = identifier == null ? "" : identifier;
        return Optional.ofNullable(findAll(tenantId, List.of(wanted)).get(wanted));
    }

    /** As {@link #find} for several identifiers with one query: each identifier that names an account, mapped to it. */
    public Map<String, Account> findAll(String tenantId, Collection<String> identifiers) {
        Set<String> trimmed = identifiers.stream().map(String::trim).filter(i -> !i.isEmpty()).collect(Collectors.toSet());
        if (trimmed.isEmpty()) {
            return Map.of();
        }
        Set<String> emails = trimmed.stream().map(AccountDirectory::normaliseEmail).collect(Collectors.toSet());
        List<Account> candidates = lookup.find(tenantId, InLists.padded(emails), InLists.padded(trimmed));
        Map<String, Account> found = new HashMap<>();
        for (String identifier : identifiers) {
            String wanted = identifier.trim();
            String email = normaliseEmail(wanted);
            candidates.stream()
                    .filter(a -> !wanted.isEmpty() && (a.email().equals(email) || matches(wanted, a.username())
                            || matches(wanted, a.externalId()) || matches(wanted, a.id())))
                    .min(Comparator.comparingInt(a -> a.email().equals(email) ? 0 : 1))
                    .ifPresent(a -> found.put(identifier, a));
        }
        return found;
    }

    // as MySQL's case-insensitive collation compares (the query found the row that way)
    private static boolean matches(String identifier, String value) {
        return value != null && value.equalsIgnoreCase(identifier);
    }

    public static String normaliseEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
