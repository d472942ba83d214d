package resetkit.reset;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import resetkit.account.AccountDirectory;
import resetkit.account.PasswordHasher;
import resetkit.account.Tenant;
import resetkit.account.TenantAdministration;
import resetkit.audit.AuditLog;
import resetkit.ratelimit.RateLimited;
import resetkit.ratelimit.RateLimiter;
import resetkit.security.ClientAddress;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

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
    private final AccountDirectory directory;
    private final ResetFlowRepository flows;
    private final Clock clock;
    private final Executor blocking;

    PasswordResetService(ResetLinks links, StartReset start, CheckSecret check, FinishReset finish, PasswordPolicy policy,
                         PasswordHasher hasher, TenantAdministration tenants, AuditLog audit, RateLimiter rateLimiter,
                         ClientAddress clientAddress, AccountDirectory directory, ResetFlowRepository flows, Clock clock,
                         @Named(TaskExecutors.BLOCKING) Executor blocking) {
        this.blocking = blocking;
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
        this.directory = directory;
        this.flows = flows;
        this.clock = clock;
    }

    /**
     * Throws {@link RateLimited} or {@link RedirectNotAllowed} before looking at the account, so
     * neither answer says anything about it, and a refused request sends no mail. Every request
     * counts against the rate limits: one with an allowed redirect in the transaction that stores
     * it (see {@link StartReset}), one without in a transaction of its own.
     */
    public ResetTicket request(Tenant tenant, ResetRequest request) {
        try {
            return requestAsync(tenant, request).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * As {@link #request} for a caller that must not block (an event-loop thread): the future
     * completes once the request is committed, or fails with what {@link #request} throws. Call it
     * on the request's own thread: it reads the client address from the current request.
     */
    public CompletableFuture<ResetTicket> requestAsync(Tenant tenant, ResetRequest request) {
        String clientIp = clientAddress.current();
        String base;
        try {
            base = links.baseFor(tenant, request.redirectUrl());
        } catch (RedirectNotAllowed e) {
            // refusing stores what it refused: database work, so on a blocking thread
            return CompletableFuture.runAsync(() -> refuseRedirect(tenant, request, clientIp), blocking)
                    .thenApply(refused -> {
                        throw e;
                    });
        }
        return start.start(tenant, request, base, clientIp);
    }

    /** Counts a request whose redirect is not allowed and records its refusal; throws {@link RateLimited} instead when it is over a limit. */
    private void refuseRedirect(Tenant tenant, ResetRequest request, @Nullable String clientIp) {
        countAlone(tenant, request, clientIp);
        audit.record(tenant.id(), AuditLog.RESET_REJECTED_REDIRECT, null, null, "via " + request.channel());
    }

    private void countAlone(Tenant tenant, ResetRequest request, @Nullable String clientIp) {
        try {
            rateLimiter.countResetRequest(tenant, request.identifier(), clientIp);
        } catch (RateLimited e) {
            audit.record(tenant.id(), AuditLog.RESET_RATE_LIMITED, null, null, "via " + request.channel());
            throw e;
        }
    }

    public ResetFlow verify(SecretProof proof) {
        return verify(null, proof);
    }

    /** As {@link #verify(SecretProof)}, for a caller authenticated as {@code caller}: other tenants' flows do not exist for it. */
    public ResetFlow verify(@Nullable Tenant caller, SecretProof proof) {
        ResetFlow flow = openAudited(caller, proof);
        audit.record(flow.tenantId(), AuditLog.RESET_VERIFIED, flow.id(), flow.accountId(), null);
        return flow;
    }

    /**
     * Checks the mailed code of the account's open flow and marks the flow as confirmed, so that
     * {@link SecretProof#ofConfirmedFlow} (the flow id alone) opens it from now on. A wrong code
     * counts towards the flow's limit; an unknown account or one without an open flow is refused
     * like a wrong code.
     */
    public ResetFlow confirmCode(Tenant tenant, String identifier, String code) {
        ResetFlow open = directory.find(tenant.id(), identifier)
                .flatMap(a -> flows.findFirstByTenantIdAndAccountIdAndStatusOrderByCreatedAtDesc(tenant.id(), a.id(), FlowStatus.OPEN))
                .orElseThrow(() -> new ResetSecretRejected(RejectionReason.UNKNOWN));
        ResetFlow flow = openAudited(tenant, SecretProof.ofCode(open.id(), code));
        flows.markCodeVerified(flow.id(), clock.instant());
        audit.record(flow.tenantId(), AuditLog.RESET_VERIFIED, flow.id(), flow.accountId(), "code confirmed");
        return flow;
    }

    /** Uses the tenant's own password policy. Returns the consumed flow. */
    public ResetFlow complete(SecretProof proof, String newPassword) {
        return complete(null, proof, newPassword, policy::check);
    }

    /** For dialects that document their own password rule. */
    public ResetFlow complete(SecretProof proof, String newPassword, PasswordRule rule) {
        return complete(null, proof, newPassword, rule);
    }

    /** For a caller authenticated as {@code caller} (null: any tenant's flow); {@code rule} null means the tenant's policy. */
    public ResetFlow complete(@Nullable Tenant caller, SecretProof proof, String newPassword, @Nullable PasswordRule rule) {
        ResetFlow flow = openAudited(caller, proof);
        Tenant tenant = tenants.requireTenant(flow.tenantId());
        (rule != null ? rule : (PasswordRule) policy::check).check(tenant, newPassword);
        String hash = hasher.hash(newPassword);
        try {
            finish.finish(tenant, flow, hash);
        } catch (ResetSecretRejected e) {
            audit.record(flow.tenantId(), AuditLog.RESET_REJECTED, flow.id(), flow.accountId(), e.reason().name());
            throw e;
        }
        return flow;
    }

    private ResetFlow openAudited(@Nullable Tenant caller, SecretProof proof) {
        try {
            ResetFlow flow = check.openFlow(proof);
            if (caller != null && !caller.id().equals(flow.tenantId())) {
                throw new ResetSecretRejected(RejectionReason.UNKNOWN);
            }
            return flow;
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
