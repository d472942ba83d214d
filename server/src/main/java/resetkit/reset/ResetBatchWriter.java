package resetkit.reset;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import resetkit.account.Account;
import resetkit.account.AccountDirectory;
import resetkit.account.AccountRepository;
import resetkit.audit.AuditLog;
import resetkit.mail.Outbox;
import resetkit.mail.PreparedMail;
import resetkit.ratelimit.RateLimiter;
import resetkit.support.InLists;
import resetkit.support.RowInserter;

import java.time.Clock;
import java.time.Duration;
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
 * Stores several reset requests in one transaction, with a fixed number of statements whatever
 * their number: first the rate limits count them all ({@link RateLimiter#countAll}: a refused
 * request stores only its audit event), then per tenant one query finds the accounts the
 * identifiers name, one locks them (in key order: the lock that serialises requests for one
 * account, across instances too) and one revokes their open flows; then one batched insert each
 * for flows, mails and audit events.
 *
 * <p>Requests for the same account in one batch behave as if they had come one after the other:
 * the last one's flow stays open, the earlier ones are stored revoked (their mails still go, with
 * links that no longer work, exactly as for two separate requests).
 */
@Singleton
class ResetBatchWriter {
    private final AccountDirectory directory;
    private final AccountRepository accounts;
    private final ResetFlowRepository flows;
    private final ResetWrites prepare;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final RowInserter inserter;
    private final RateLimiter rateLimiter;

    ResetBatchWriter(AccountDirectory directory, AccountRepository accounts, ResetFlowRepository flows, ResetWrites prepare,
                     Outbox outbox, AuditLog audit, Clock clock, RowInserter inserter, RateLimiter rateLimiter) {
        this.inserter = inserter;
        this.rateLimiter = rateLimiter;
        this.directory = directory;
        this.accounts = accounts;
        this.flows = flows;
        this.prepare = prepare;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** Returns, for each order in turn, what it came to. */
    @Transactional
    public List<OrderOutcome> write(List<ResetOrder> orders) {
        Instant now = clock.instant();
        List<Duration> refusals = rateLimiter.countAll(orders.stream()
                .map(o -> new RateLimiter.Hit(o.tenant(), o.request().identifier(), o.clientIp())).toList());
        List<AuditLog.Entry> events = new ArrayList<>();
        List<ResetOrder> admitted = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            ResetOrder order = orders.get(i);
            if (refusals.get(i) == null) {
                admitted.add(order);
            } else {
                events.add(new AuditLog.Entry(order.tenant().id(), AuditLog.RESET_RATE_LIMITED, null, null, "via " + order.request().channel()));
            }
        }
        List<Account> found = lockAndRevoke(admitted, now);
        List<ResetWrite> writes = new ArrayList<>(admitted.size());
        for (int i = 0; i < admitted.size(); i++) {
            writes.add(prepare.forOrder(admitted.get(i), found.get(i)));
        }
        Map<String, ResetWrite> lastPerAccount = new HashMap<>();
        for (ResetWrite write : writes) {
            if (write.opensFlow()) {
                lastPerAccount.put(write.accountId(), write);
            }
        }
        List<ResetFlow> newFlows = new ArrayList<>();
        List<PreparedMail> mails = new ArrayList<>();
        for (ResetWrite write : writes) {
            if (write.opensFlow()) {
                newFlows.add(lastPerAccount.get(write.accountId()) == write ? write.flow() : revoked(write.flow(), now));
                mails.add(write.mail());
            }
            events.add(write.event());
        }
        inserter.insertAll(ResetFlow.TABLE, newFlows);
        outbox.enqueueAll(mails);
        audit.recordAll(events);
        List<OrderOutcome> outcomes = new ArrayList<>(orders.size());
        int next = 0;
        for (Duration refusal : refusals) {
            outcomes.add(refusal != null ? OrderOutcome.refused(refusal)
                    : writes.get(next++).opensFlow() ? OrderOutcome.OPENED : OrderOutcome.NO_ACCOUNT);
        }
        return outcomes;
    }

    /**
     * Finds each order's account, locks the accounts found (tenant by tenant in a fixed order),
     * revokes their open flows, and returns each order's account, or null: unknown, or deleted
     * between the query and the lock.
     */
    private List<Account> lockAndRevoke(List<ResetOrder> orders, Instant now) {
        Map<String, List<ResetOrder>> ordersByTenant = new TreeMap<>();
        for (ResetOrder order : orders) {
            ordersByTenant.computeIfAbsent(order.tenant().id(), t -> new ArrayList<>()).add(order);
        }
        Map<String, Map<String, Account>> foundByTenant = new HashMap<>();
        Set<String> locked = new HashSet<>();
        ordersByTenant.forEach((tenantId, tenantOrders) -> {
            Map<String, Account> found = directory.findAll(tenantId, tenantOrders.stream().map(o -> o.request().identifier()).toList());
            foundByTenant.put(tenantId, found);
            Set<String> ids = new TreeSet<>();
            found.values().forEach(account -> ids.add(account.id()));
            // no account found: the same statements with ids that match nothing (new flow ids), so timing tells nothing
            Set<String> lockIds = ids.isEmpty() ? new TreeSet<>(tenantOrders.stream().map(ResetOrder::flowId).toList()) : ids;
            List<String> existing = accounts.lockExisting(tenantId, InLists.padded(lockIds));
            flows.revokeOpen(tenantId, InLists.padded(existing.isEmpty() ? lockIds : existing), now);
            locked.addAll(existing);
        });
        List<Account> accountPerOrder = new ArrayList<>(orders.size());
        for (ResetOrder order : orders) {
            Account account = foundByTenant.get(order.tenant().id()).get(order.request().identifier());
            accountPerOrder.add(account != null && locked.contains(account.id()) ? account : null);
        }
        return accountPerOrder;
    }
    private static ResetFlow revoked(ResetFlow flow, Instant now) {
        return new ResetFlow(flow.id(), flow.tenantId(), flow.accountId(), flow.tokenDigest(), flow.codeDigest(),
                FlowStatus.REVOKED, flow.failedAttempts(), flow.channel(), flow.createdAt(), now, null);
    }
}
