package resetkit.reset;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import resetkit.audit.AuditLog;
import resetkit.client.model.AccountCreate;
import resetkit.mail.MailDraft;
import resetkit.mail.Outbox;
import resetkit.testing.IntegrationTest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Several requests in one transaction: what each stores, and that one failing request fails alone. */
@MicronautTest(transactional = false)
class GroupCommitTest extends IntegrationTest {
    @Inject
    ResetBatchWriter batches;
    @Inject
    GroupCommit commits;
    @Inject
    Outbox outbox;

    @Test
    void aBatchStoresEveryRequestAndLeavesOnlyTheNewestFlowOfAnAccountOpen() throws Exception {
        TestTenant t = newTenant("batch-a@example.com", "the old password 1");
        String other = newAccount(t, "batch-b@example.com");
        ResetWrite first = writeFor(t.id(), t.accountId());
        ResetWrite second = writeFor(t.id(), t.accountId());
        ResetWrite forOther = writeFor(t.id(), other);
        ResetWrite unknown = ResetWrite.forUnknownAccount(t.id(),
                new AuditLog.Entry(t.id(), AuditLog.RESET_REQUESTED_UNKNOWN, null, null, "via test"));

        batches.write(List.of(first, second, forOther, unknown));

        assertEquals("REVOKED", flowStatus(first));
        assertEquals("OPEN", flowStatus(second));
        assertEquals("OPEN", flowStatus(forOther));
        assertEquals(3, count("SELECT COUNT(*) FROM outbox_message WHERE tenant_id = ?", t.id()), "every request's mail is queued");
        assertEquals(3, count("SELECT COUNT(*) FROM audit_event WHERE tenant_id = ? AND type = 'reset.requested'", t.id()));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE tenant_id = ? AND type = 'reset.requested_unknown_account'", t.id()));

        batches.write(List.of(writeFor(t.id(), other)));
        assertEquals("REVOKED", flowStatus(forOther), "a later batch revokes the flows an earlier one left open");
    }

    @Test
    void anAccountDeletedSinceItsLookupGetsNoFlowAndNoMail() throws Exception {
        TestTenant t = newTenant("gone@example.com", "the old password 1");
        ResetWrite vanished = writeFor(t.id(), UUID.randomUUID().toString());

        batches.write(List.of(vanished));

        assertEquals(0, count("SELECT COUNT(*) FROM reset_flow WHERE tenant_id = ?", t.id()));
        assertEquals(0, count("SELECT COUNT(*) FROM outbox_message WHERE tenant_id = ?", t.id()));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE tenant_id = ? AND type = 'reset.requested_unknown_account'", t.id()));
    }

    @Test
    void aRequestThatCannotBeStoredFailsAloneWhileTheOthersQueuedWithItAreCommitted() throws Exception {
        TestTenant t = newTenant("held@example.com", "the old password 1");
        List<String> others = List.of(newAccount(t, "c1@example.com"), newAccount(t, "c2@example.com"));
        ResetWrite good1 = writeFor(t.id(), others.get(0));
        ResetWrite good2 = writeFor(t.id(), others.get(1));
        // the same flow id twice: the second insert breaks the primary key
        ResetWrite clash = ResetWrite.forAccount(copyWithNewToken(good1.flow()), good1.mail(), good1.event());

        List<CompletableFuture<Void>> held = new ArrayList<>();
        List<CompletableFuture<Void>> queued = new ArrayList<>();
        try (Connection lock = database.connect()) {
            // hold the account row every committer needs, so the next writes pile up into one batch
            lock.setAutoCommit(false);
            try (PreparedStatement s = lock.prepareStatement("SELECT id FROM account WHERE id = ? FOR UPDATE")) {
                s.setString(1, t.accountId());
                s.executeQuery().close();
            }
            for (int i = 0; i < 2; i++) {
                held.add(CompletableFuture.runAsync(() -> commits.write(writeFor(t.id(), t.accountId()))));
            }
            Thread.sleep(150);
            for (ResetWrite write : List.of(good1, clash, good2)) {
                queued.add(CompletableFuture.runAsync(() -> commits.write(write)));
                Thread.sleep(20);
            }
            Thread.sleep(150);
            lock.rollback();
        }

        for (CompletableFuture<Void> f : held) {
            f.get(20, TimeUnit.SECONDS);
        }
        queued.get(0).get(20, TimeUnit.SECONDS);
        queued.get(2).get(20, TimeUnit.SECONDS);
        ExecutionException failure = assertThrows(ExecutionException.class, () -> queued.get(1).get(20, TimeUnit.SECONDS));
        assertInstanceOf(RuntimeException.class, failure.getCause());
        assertEquals("OPEN", flowStatus(good1));
        assertEquals("OPEN", flowStatus(good2));
        assertEquals(1, count("SELECT COUNT(*) FROM outbox_message WHERE flow_id = ?", good1.flow().id()), "the clash stored nothing");
        assertEquals(1, count("SELECT COUNT(*) FROM reset_flow WHERE account_id = ? AND status = 'OPEN'", t.accountId()));
    }

    private String newAccount(TestTenant t, String email) throws Exception {
        return admin().createAccount(t.id(), new AccountCreate().email(email).password("the old password 1"), adminAuth()).getId();
    }

    private ResetWrite writeFor(String tenantId, String accountId) {
        Instant now = Instant.now();
        String flowId = UUID.randomUUID().toString();
        ResetFlow flow = new ResetFlow(flowId, tenantId, accountId, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                FlowStatus.OPEN, 0, "test", now, now.plus(Duration.ofHours(1)), null);
        var mail = outbox.prepare(tenantId, flowId, "resetkit@localhost", "someone@example.com",
                MailDraft.reset(tenantId, null, "Test", "https://example.com/reset?token=t", "123456", now.plus(Duration.ofHours(1))));
        return ResetWrite.forAccount(flow, mail, new AuditLog.Entry(tenantId, AuditLog.RESET_REQUESTED, flowId, accountId, "via test"));
    }

    private static ResetFlow copyWithNewToken(ResetFlow flow) {
        return new ResetFlow(flow.id(), flow.tenantId(), flow.accountId(), UUID.randomUUID().toString(), flow.codeDigest(),
                flow.status(), 0, flow.channel(), flow.createdAt(), flow.expiresAt(), null);
    }

    private String flowStatus(ResetWrite write) throws Exception {
        try (Connection c = database.connect();
             PreparedStatement s = c.prepareStatement("SELECT status FROM reset_flow WHERE id = ?")) {
            s.setString(1, write.flow().id());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : "MISSING";
            }
        }
    }

    private long count(String sql, String parameter) throws Exception {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
