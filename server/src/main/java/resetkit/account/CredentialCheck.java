package resetkit.account;

import jakarta.inject.Singleton;
import resetkit.audit.AuditLog;

import java.util.Optional;

/** Step 5: checks a password, spending the same hashing time whether or not the account exists. */
@Singleton
public class CredentialCheck {
    private final AccountDirectory directory;
    private final PasswordHasher hasher;
    private final AuditLog audit;

    CredentialCheck(AccountDirectory directory, PasswordHasher hasher, AuditLog audit) {
        this.directory = directory;
        this.hasher = hasher;
        this.audit = audit;
    }

    /** The account id when the password is right; empty for a wrong password or an unknown account. */
    public Optional<String> verify(String tenantId, String identifier, String password) {
        Optional<Account> account = directory.find(tenantId, identifier);
        if (account.isEmpty()) {
            hasher.spendVerificationTime(password);
            audit.record(tenantId, AuditLog.CREDENTIALS_REJECTED, null, null, "unknown account");
            return Optional.empty();
        }
        Account found = account.get();
        if (hasher.matches(password, found.passwordHash())) {
            audit.record(tenantId, AuditLog.CREDENTIALS_ACCEPTED, null, found.id(), null);
            return Optional.of(found.id());
        }
        audit.record(tenantId, AuditLog.CREDENTIALS_REJECTED, null, found.id(), "wrong password");
        return Optional.empty();
    }
}
