package resetkit.reset;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import resetkit.account.AccountRepository;
import resetkit.audit.AuditLog;
import resetkit.mail.Outbox;
import resetkit.mail.OutboxMessage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Stores the writes of several reset requests in one transaction, with a fixed number of
 * statements whatever their number: per tenant one statement locks the accounts (the lock that
 * serialises requests for one account, across instances too) and one revokes their open flows;
 * then one batched insert each for flows, mails and audit events.
 *
 * <p>Requests for the same account in one batch behave as if they had come one after the other:
 * the last one's flow stays open, the earlier ones are stored revoked (their mails still go, with
 * links that no longer work, exactly as for two separate requests). An account deleted since the
 * request looked it up gets no flow and no mail.
 */
@Singleton
class ResetBatchWriter {
    private final AccountRepository accounts;
    private final ResetFlowRepository flows;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    ResetBatchWriter(AccountRepository accounts, ResetFlowRepository flows, Outbox outbox, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.flows = flows;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void write(List<ResetWrite> writes) {
        Instant now = clock.instant();
        Set<String> existing = lockAndRevoke(writes, now);
        Map<String, ResetWrite> lastPerAccount = new HashMap<>();
        for (ResetWrite write : writes) {
            if (write.opensFlow()) {
                lastPerAccount.put(write.accountId(), write);
            }
        }
        List<ResetFlow> newFlows = new ArrayList<>();
        List<OutboxMessage> mails = new ArrayList<>();
        List<AuditLog.Entry> events = new ArrayList<>();
        for (ResetWrite write : writes) {
            if (!write.opensFlow()) {
                events.add(write.event());
            } else if (!existing.contains(write.accountId())) {
                events.add(new AuditLog.Entry(write.tenantId(), AuditLog.RESET_REQUESTED_UNKNOWN, null, null, write.event().detail()));
            } else {
                newFlows.add(lastPerAccount.get(write.accountId()) == write ? write.flow() : revoked(write.flow(), now));
                mails.add(write.mail());
                events.add(write.event());
            }
        }
        if (!newFlows.isEmpty()) {
            flows.saveAll(newFlows);
        }
        outbox.enqueueAll(mails);
        audit.recordAll(events);
    }

    /** Locks the accounts, tenant by tenant in a fixed order, revokes their open flows, and returns those that exist. */
    private Set<String> lockAndRevoke(List<ResetWrite> writes, Instant now) {
        Map<String, Set<String>> accountsByTenant = new TreeMap<>();
        for (ResetWrite write : writes) {
            if (write.opensFlow()) {
                accountsByTenant.computeIfAbsent(write.tenantId(), t -> new TreeSet<>()).add(write.accountId());
            }
        }
        Set<String> existing = new HashSet<>();
        accountsByTenant.forEach((tenantId, ids) -> {
            List<String> locked = accounts.lockExisting(tenantId, ids);
            if (!locked.isEmpty()) {
                flows.revokeOpen(tenantId, locked, now);
                existing.addAll(locked);
            }
        });
        return existing;
    }

    private static ResetFlow revoked(ResetFlow flow, Instant now) {
        return new ResetFlow(flow.id(), flow.tenantId(), flow.accountId(), flow.tokenDigest(), flow.codeDigest(),
                FlowStatus.REVOKED, flow.failedAttempts(), flow.channel(), flow.createdAt(), flow.expiresAt(), now);
    }
}
