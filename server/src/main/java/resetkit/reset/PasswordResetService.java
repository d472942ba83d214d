package resetkit.reset;

import jakarta.inject.Singleton;
import resetkit.account.PasswordHasher;
import resetkit.account.Tenant;
import resetkit.account.TenantAdministration;
import resetkit.audit.AuditLog;
import resetkit.ratelimit.RateLimited;
import resetkit.ratelimit.RateLimiter;
import resetkit.security.ClientAddress;

/**
 * The core every API calls: request (step 1), verify (step 3), complete (step 4). Adapters map
 * their dialect onto these three calls and the exceptions they throw back onto their dialect.
 */
@Singleton
public class PasswordResetService {
    private final ResetLinks links;
    private final StartReset start;
    private final CheckSecret check;
    private final FinishReset finish;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final TenantAdministration tenants;
    private final AuditLog audit;
    private final RateLimiter rateLimiter;
    private final ClientAddress clientAddress;

    PasswordResetService(ResetLinks links, StartReset start, CheckSecret check, FinishReset finish, PasswordPolicy policy,
                         PasswordHasher hasher, TenantAdministration tenants, AuditLog audit, RateLimiter rateLimiter,
                         ClientAddress clientAddress) {
        this.links = links;
        this.start = start;
        this.check = check;
        this.finish = finish;
        this.policy = policy;
        this.hasher = hasher;
        this.tenants = tenants;
        this.audit = audit;
        this.rateLimiter = rateLimiter;
        this.clientAddress = clientAddress;
    }

    /**
     * Throws {@link RedirectNotAllowed} or {@link RateLimited} before looking at the account, so
     * neither answer says anything about it, and a refused request sends no mail.
     */
    public ResetTicket request(Tenant tenant, ResetRequest request) {
        try {
            rateLimiter.countResetRequest(tenant, request.identifier(), clientAddress.current());
        } catch (RateLimited e) {
            audit.record(tenant.id(), AuditLog.RESET_RATE_LIMITED, null, null, "via " + request.channel());
            throw e;
        }
        String base;
        try {
            base = links.baseFor(tenant, request.redirectUrl());
        } catch (RedirectNotAllowed e) {
            audit.record(tenant.id(), AuditLog.RESET_REJECTED_REDIRECT, null, null, "via " + request.channel());
            throw e;
        }
        return start.start(tenant, request, base);
    }

    public ResetFlow verify(SecretProof proof) {
        ResetFlow flow = openAudited(proof);
        audit.record(flow.tenantId(), AuditLog.RESET_VERIFIED, flow.id(), flow.accountId(), null);
        return flow;
    }

    /** Uses the tenant's own password policy. */
    public void complete(SecretProof proof, String newPassword) {
        complete(proof, newPassword, policy::check);
    }

    /** For dialects that document their own password rule. */
    public void complete(SecretProof proof, String newPassword, PasswordRule rule) {
        ResetFlow flow = openAudited(proof);
        Tenant tenant = tenants.requireTenant(flow.tenantId());
        rule.check(tenant, newPassword);
        String hash = hasher.hash(newPassword);
        try {
            finish.finish(tenant, flow, hash);
        } catch (ResetSecretRejected e) {
            audit.record(flow.tenantId(), AuditLog.RESET_REJECTED, flow.id(), flow.accountId(), e.reason().name());
            throw e;
        }
    }

    private ResetFlow openAudited(SecretProof proof) {
        try {
            return check.openFlow(proof);
        } catch (ResetSecretRejected e) {
            if (e.flow() != null) {
                audit.record(e.flow().tenantId(), AuditLog.RESET_REJECTED, e.flow().id(), e.flow().accountId(), e.reason().name());
            }
            throw e;
        }
    }

    @FunctionalInterface
    public interface PasswordRule {
        /** Throws {@link PasswordRejected} naming every rule the password breaks. */
        void check(Tenant tenant, String password);
    }
}
