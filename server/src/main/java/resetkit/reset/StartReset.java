package resetkit.reset;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import resetkit.account.Account;
import resetkit.account.AccountDirectory;
import resetkit.account.Tenant;
import resetkit.audit.AuditLog;
import resetkit.mail.MailContent;
import resetkit.mail.MailSettings;
import resetkit.mail.Outbox;
import resetkit.mail.ResetMailComposer;
import resetkit.support.RandomSecrets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Step 1. In one transaction: find and lock the account (one statement), open a flow with fresh secrets, revoke the
 * account's other open flows, queue the mail. An unknown account goes through the same lookups,
 * secret generation and mail rendering, then gets a ticket of the same shape and an audit event,
 * nothing else: no flow, no mail.
 */
@Singleton
public class StartReset {
    private final AccountDirectory directory;
    private final ResetFlowRepository flows;
    private final SecretDigester digester;
    private final ResetSettings settings;
    private final ResetLinks links;
    private final ResetMailComposer composer;
    private final Outbox outbox;
    private final MailSettings mailSettings;
    private final AuditLog audit;
    private final Clock clock;

    StartReset(AccountDirectory directory, ResetFlowRepository flows, SecretDigester digester,
               ResetSettings settings, ResetLinks links, ResetMailComposer composer, Outbox outbox,
               MailSettings mailSettings, AuditLog audit, Clock clock) {
        this.directory = directory;
        this.flows = flows;
        this.digester = digester;
        this.settings = settings;
        this.links = links;
        this.composer = composer;
        this.outbox = outbox;
        this.mailSettings = mailSettings;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ResetTicket start(Tenant tenant, ResetRequest request, String linkBase) {
        Instant now = clock.instant();
        Duration lifetime = request.lifetime() != null ? request.lifetime() : Duration.ofSeconds(tenant.tokenTtlSeconds());
        Instant expiresAt = now.plus(lifetime);
        String flowId = UUID.randomUUID().toString();
        // the same statements, secrets and mail rendering for unknown accounts, so timing tells nothing
        Optional<Account> found = directory.findForUpdate(tenant.id(), request.identifier());
        ResetSecrets secrets = ResetSecrets.generate(settings.getCodeLength());
        String tokenDigest = digester.tokenDigest(secrets.token());
        String codeDigest = digester.codeDigest(flowId, secrets.code());
        flows.revokeOthers(tenant.id(), found.map(Account::id).orElse(flowId), flowId, now);
        String serviceName = request.appName() != null && !request.appName().isBlank() ? request.appName() : tenant.name();
        MailContent mail = composer.resetMail(tenant.id(), mailLocale(request, found.orElse(null)), serviceName,
                links.link(linkBase, secrets.token()), secrets.code(), expiresAt);
        if (found.isEmpty()) {
            outbox.sealOnly(mail);
            audit.record(tenant.id(), AuditLog.RESET_REQUESTED_UNKNOWN, null, null, "via " + request.channel());
            return new ResetTicket(flowId, expiresAt, RandomSecrets.urlSafe(32));
        }
        Account account = found.get();
        flows.save(new ResetFlow(flowId, tenant.id(), account.id(), tokenDigest, codeDigest, FlowStatus.OPEN, 0,
                request.channel(), now, expiresAt, null));
        outbox.enqueue(tenant.id(), Outbox.KIND_RESET, flowId, mailSettings.senderFor(tenant.mailFrom()), account.email(), mail);
        audit.record(tenant.id(), AuditLog.RESET_REQUESTED, flowId, account.id(), "via " + request.channel());
        return new ResetTicket(flowId, expiresAt, secrets.token());
    }

    /** The language the request asked for, else the account's own. */
    static String mailLocale(ResetRequest request, Account account) {
        if (request.locale() != null && !request.locale().isBlank()) {
            return request.locale();
        }
        return account == null ? null : account.locale();
    }
}
