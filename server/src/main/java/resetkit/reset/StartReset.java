package resetkit.reset;

import jakarta.inject.Singleton;
import resetkit.account.Account;
import resetkit.account.AccountDirectory;
import resetkit.account.Tenant;
import resetkit.audit.AuditLog;
import resetkit.mail.MailDraft;
import resetkit.mail.MailSettings;
import resetkit.mail.Outbox;
import resetkit.mail.OutboxMessage;
import resetkit.support.RandomSecrets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Step 1: look the account up, open a flow with fresh secrets, seal its mail's draft, then
 * hand the writes to {@link GroupCommit}, which stores them (the flow, the revocation of the
 * account's other open flows, the mail, the audit event) in one transaction, possibly shared with
 * other requests, and returns once they are committed. An unknown account goes through the same
 * lookup, secret generation, subject rendering, sealing and commit wait, and stores only its audit event.
 */
@Singleton
public class StartReset {
    private final AccountDirectory directory;
    private final SecretDigester digester;
    private final ResetSettings settings;
    private final ResetLinks links;
    private final Outbox outbox;
    private final MailSettings mailSettings;
    private final GroupCommit commits;
    private final Clock clock;

    StartReset(AccountDirectory directory, SecretDigester digester, ResetSettings settings, ResetLinks links,
               Outbox outbox, MailSettings mailSettings, GroupCommit commits, Clock clock) {
        this.directory = directory;
        this.digester = digester;
        this.settings = settings;
        this.links = links;
        this.outbox = outbox;
        this.mailSettings = mailSettings;
        this.commits = commits;
        this.clock = clock;
    }

    public ResetTicket start(Tenant tenant, ResetRequest request, String linkBase) {
        Instant now = clock.instant();
        Duration lifetime = request.lifetime() != null ? request.lifetime() : Duration.ofSeconds(tenant.tokenTtlSeconds());
        Instant expiresAt = now.plus(lifetime);
        String flowId = UUID.randomUUID().toString();
        Optional<Account> found = directory.find(tenant.id(), request.identifier());
        ResetSecrets secrets = ResetSecrets.generate(settings.getCodeLength());
        String tokenDigest = digester.tokenDigest(secrets.token());
        String codeDigest = digester.codeDigest(flowId, secrets.code());
        String serviceName = request.appName() != null && !request.appName().isBlank() ? request.appName() : tenant.name();
        MailDraft draft = MailDraft.reset(tenant.id(), mailLocale(request, found.orElse(null)), serviceName,
                links.link(linkBase, secrets.token()), secrets.code(), expiresAt);
        String recipient = found.map(Account::email).orElse(request.identifier());
        OutboxMessage mail = outbox.prepare(tenant.id(), flowId, mailSettings.senderFor(tenant.mailFrom()), recipient, draft);
        String detail = "via " + request.channel();
        if (found.isEmpty()) {
            commits.write(ResetWrite.forUnknownAccount(tenant.id(),
                    new AuditLog.Entry(tenant.id(), AuditLog.RESET_REQUESTED_UNKNOWN, null, null, detail)));
            return new ResetTicket(flowId, expiresAt, RandomSecrets.urlSafe(32));
        }
        Account account = found.get();
        ResetFlow flow = new ResetFlow(flowId, tenant.id(), account.id(), tokenDigest, codeDigest, FlowStatus.OPEN, 0,
                request.channel(), now, expiresAt, null);
        commits.write(ResetWrite.forAccount(flow, mail, new AuditLog.Entry(tenant.id(), AuditLog.RESET_REQUESTED, flowId, account.id(), detail)));
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
