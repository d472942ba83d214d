package resetkit.reset;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import resetkit.account.Account;
import resetkit.account.AccountDirectory;
import resetkit.account.AccountRepository;
import resetkit.audit.AuditLog;
import resetkit.mail.Outbox;
import resetkit.mail.PreparedMail;
import resetkit.support.InLists;
import resetkit.support.RowInserter;

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
 * Stores several reset requests in one transaction, with a fixed number of statements whatever
 * their number: per tenant one query finds the accounts the identifiers name, one locks them (in
 * key order: the lock that serialises requests for one account, across instances too) and one
 * revokes their open flows; then one batched insert each for flows, mails and audit events.
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

    ResetBatchWriter(AccountDirectory directory, AccountRepository accounts, ResetFlowRepository flows, ResetWrites prepare,
                     Outbox outbox, AuditLog audit, Clock clock, RowInserter inserter) {
        this.inserter = inserter;
        this.directory = directory;
        this.accounts = accounts;
        this.flows = flows;
        this.prepare = prepare;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** Returns, for each order in turn, whether it opened a flow (its account exists). */
    @Transactional
    public List<Boolean> write(List<ResetOrder> orders) {
        Instant now = clock.instant();
        List<Account> found = lockAndRevoke(orders, now);
        List<ResetWrite> writes = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            writes.add(prepare.forOrder(orders.get(i), found.get(i)));
        }
        Map<String, ResetWrite> lastPerAccount = new HashMap<>();
        for (ResetWrite write : writes) {
            if (write.opensFlow()) {
                lastPerAccount.put(write.accountId(), write);
            }
        }
        List<ResetFlow> newFlows = new ArrayList<>();
        List<PreparedMail> mails = new ArrayList<>();
        List<AuditLog.Entry> events = new ArrayList<>();
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
        return writes.stream().map(ResetWrite::opensFlow).toList();
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
