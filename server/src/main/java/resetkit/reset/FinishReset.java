package resetkit.reset;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import resetkit.account.Account;
import resetkit.account.AccountRepository;
import resetkit.account.Tenant;
import resetkit.audit.AuditLog;
import resetkit.mail.MailDraft;
import resetkit.mail.MailSettings;
import resetkit.mail.Outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Step 4. In one transaction: consume the flow with one conditional UPDATE (of concurrent
 * completions exactly one gets the row), store the new hash, revoke the account's other open
 * flows, queue the "password changed" notice.
 */
@Singleton
public class FinishReset {
    private final ResetFlowRepository flows;
    private final AccountRepository accounts;
    private final Outbox outbox;
    private final MailSettings mailSettings;
    private final AuditLog audit;
    private final Clock clock;

    FinishReset(ResetFlowRepository flows, AccountRepository accounts, Outbox outbox,
                MailSettings mailSettings, AuditLog audit, Clock clock) {
        this.flows = flows;
        this.accounts = accounts;
        this.outbox = outbox;
        this.mailSettings = mailSettings;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void finish(Tenant tenant, ResetFlow flow, String newPasswordHash) {
        Instant now = clock.instant();
        if (flows.consume(flow.id(), now) != 1) {
            throw new ResetSecretRejected(RejectionReason.USED, flow);
        }
        accounts.updatePassword(flow.accountId(), newPasswordHash, now);
        // this flow is no longer open (consumed above): only the account's other open flows are revoked
        flows.revokeOpen(flow.tenantId(), List.of(flow.accountId()), now);
        Account account = accounts.findById(flow.accountId()).orElseThrow();
        outbox.enqueue(tenant.id(), flow.id(), mailSettings.senderFor(tenant.mailFrom()), account.email(),
                MailDraft.passwordChanged(tenant.id(), account.locale(), tenant.name(), now));
        audit.record(flow.tenantId(), AuditLog.RESET_COMPLETED, flow.id(), flow.accountId(), "via " + flow.channel());
    }
}
