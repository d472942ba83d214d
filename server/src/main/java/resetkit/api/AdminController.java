package resetkit.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import reactor.core.publisher.Mono;
import resetkit.account.Account;
import resetkit.account.NewAccount;
import resetkit.account.Tenant;
import resetkit.account.TenantAdministration;
import resetkit.account.TenantSettings;
import resetkit.api.generated.AdminApi;
import resetkit.api.generated.model.AccountCreate;
import resetkit.api.generated.model.AuditEvent;
import resetkit.api.generated.model.AuditEventList;
import resetkit.api.generated.model.MailTemplateKind;
import resetkit.api.generated.model.OutboxMessage;
import resetkit.api.generated.model.OutboxMessageList;
import resetkit.api.generated.model.OutboxStatus;
import resetkit.api.generated.model.TenantCreate;
import resetkit.api.generated.model.TenantCreated;
import resetkit.api.generated.model.RateLimits;
import resetkit.api.generated.model.RateLimitsUpdate;
import resetkit.api.generated.model.TemplatePreview;
import resetkit.audit.AuditLog;
import resetkit.mail.MailPreview;
import resetkit.mail.Outbox;
import resetkit.mail.ResetMailComposer;
import resetkit.ratelimit.RateLimitSettings;

import java.util.List;

// blocking work (JDBC, password hashing) inside the Monos the generated interface asks for
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller
public class AdminController implements AdminApi {
    private final TenantAdministration administration;
    private final AuditLog audit;
    private final Outbox outbox;
    private final RateLimitSettings limits;
    private final MailPreview preview;

    AdminController(TenantAdministration administration, AuditLog audit, Outbox outbox, RateLimitSettings limits,
                    MailPreview preview) {
        this.administration = administration;
        this.audit = audit;
        this.outbox = outbox;
        this.limits = limits;
        this.preview = preview;
    }

    @Override
    public Mono<HttpResponse<RateLimits>> getRateLimits(String tenantId) {
        return Mono.fromCallable(() -> HttpResponse.ok(effectiveLimits(administration.requireTenant(tenantId))));
    }

    @Override
    public Mono<HttpResponse<RateLimits>> setRateLimits(String tenantId, RateLimitsUpdate body) {
        return Mono.fromCallable(() -> HttpResponse.ok(effectiveLimits(administration.updateRateLimits(tenantId,
                body.getPerIdentifier(), body.getPerIp(), body.getPerTenant()))));
    }

    private RateLimits effectiveLimits(Tenant t) {
        return new RateLimits(limits.isEnabled(),
                t.limitPerIdentifier() != null ? t.limitPerIdentifier() : limits.getPerIdentifier(),
                limits.getIdentifierWindow().toSeconds(),
                t.limitPerIp() != null ? t.limitPerIp() : limits.getPerIp(),
                limits.getIpWindow().toSeconds(),
                t.limitPerTenant() != null ? t.limitPerTenant() : limits.getPerTenant(),
                limits.getTenantWindow().toSeconds());
    }

    @Override
    public Mono<HttpResponse<TenantCreated>> createTenant(TenantCreate body) {
        return Mono.fromCallable(() -> {
            List<String> urls = body.getAllowedRedirectUrls() == null ? List.of() : body.getAllowedRedirectUrls();
            TenantAdministration.CreatedTenant created = administration.createTenant(new TenantSettings(
                    body.getId(), body.getName(), urls, body.getTokenTtlSeconds(), body.getMinPasswordLength(), body.getMailFrom()), null);
            Tenant t = created.tenant();
            TenantCreated response = new TenantCreated(t.id(), t.name(), t.redirectUrls(), t.tokenTtlSeconds(),
                    t.minPasswordLength(), Times.utc(t.createdAt()), created.apiKey());
            response.setMailFrom(t.mailFrom());
            return HttpResponse.status(HttpStatus.CREATED).body(response);
        });
    }

    @Override
    public Mono<HttpResponse<resetkit.api.generated.model.Tenant>> getTenant(String tenantId) {
        return Mono.fromCallable(() -> {
            Tenant t = administration.requireTenant(tenantId);
            resetkit.api.generated.model.Tenant response = new resetkit.api.generated.model.Tenant(t.id(), t.name(),
                    t.redirectUrls(), t.tokenTtlSeconds(), t.minPasswordLength(), Times.utc(t.createdAt()));
            response.setMailFrom(t.mailFrom());
            return HttpResponse.ok(response);
        });
    }

    @Override
    public Mono<HttpResponse<resetkit.api.generated.model.Account>> createAccount(String tenantId, AccountCreate body) {
        return Mono.fromCallable(() -> {
            Account a = administration.createAccount(tenantId,
                    new NewAccount(body.getEmail(), body.getUsername(), body.getExternalId(), body.getPassword(), null));
            resetkit.api.generated.model.Account response = new resetkit.api.generated.model.Account(a.id(), a.tenantId(),
                    a.email(), a.passwordHash() != null, Times.utc(a.createdAt()));
            response.setUsername(a.username());
            response.setExternalId(a.externalId());
            return HttpResponse.status(HttpStatus.CREATED).body(response);
        });
    }

    @Override
    public Mono<HttpResponse<AuditEventList>> listEvents(String tenantId, Integer limit) {
        return Mono.fromCallable(() -> {
            administration.requireTenant(tenantId);
            List<AuditEvent> events = audit.newest(tenantId, limit == null ? 100 : limit).stream().map(e -> {
                AuditEvent event = new AuditEvent(e.id(), e.type(), Times.utc(e.createdAt()));
                event.setFlowId(e.flowId());
                event.setAccountId(e.accountId());
                event.setDetail(e.detail());
                return event;
            }).toList();
            return HttpResponse.ok(new AuditEventList(events));
        });
    }

    @Override
    public Mono<HttpResponse<OutboxMessageList>> listOutbox(String tenantId, OutboxStatus status, Integer limit) {
        return Mono.fromCallable(() -> {
            administration.requireTenant(tenantId);
            resetkit.mail.OutboxStatus wanted = status == null ? null : resetkit.mail.OutboxStatus.valueOf(status.name());
            List<OutboxMessage> messages = outbox.list(tenantId, wanted, limit == null ? 100 : limit).stream().map(m -> {
                OutboxMessage message = new OutboxMessage(m.id(), m.kind(), OutboxStatus.valueOf(m.status().name()),
                        m.attempts(), Times.utc(m.createdAt()));
                message.setLastError(m.lastError());
                message.setNextAttemptAt(Times.utc(m.nextAttemptAt()));
                message.setSentAt(Times.utc(m.sentAt()));
                return message;
            }).toList();
            return HttpResponse.ok(new OutboxMessageList(messages));
        });
    }

    @Override
    public Mono<HttpResponse<TemplatePreview>> previewTemplate(String tenantId, MailTemplateKind kind, String locale) {
        return Mono.fromCallable(() -> {
            MailTemplateKind wanted = kind == null ? MailTemplateKind.RESET : kind;
            ResetMailComposer.Rendered rendered = preview.render(administration.requireTenant(tenantId), wanted.getValue(), locale);
            return HttpResponse.ok(new TemplatePreview(wanted, rendered.locale(), rendered.content().subject(),
                    rendered.content().text(), rendered.content().html()));
        });
    }
}
