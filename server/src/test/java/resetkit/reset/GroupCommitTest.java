package resetkit.reset;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import resetkit.account.TenantAdministration;
import resetkit.client.model.AccountCreate;
import resetkit.testing.IntegrationTest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several requests in one transaction: what each stores, and that one failing request fails alone. */
@MicronautTest(transactional = false)
class GroupCommitTest extends IntegrationTest {
    @Inject
    ResetBatchWriter batches;
    @Inject
    GroupCommit commits;
    @Inject
    TenantAdministration tenants;
    @Inject
    DataSource dataSource;
    @Inject
    MeterRegistry registry;

    @Test
    void aBatchStoresEveryRequestAndLeavesOnlyTheNewestFlowOfAnAccountOpen() throws Exception {
        TestTenant t = newTenant("batch-a@example.com", "the old password 1");
        newAccount(t, "batch-b@example.com");
        ResetOrder first = order(t, "batch-a@example.com");
        ResetOrder second = order(t, "  BATCH-A@example.com ");
        ResetOrder forOther = order(t, "batch-b@example.com");
        ResetOrder unknown = order(t, "nobody@example.com");

        Instant written = clock.instant();
        assertEquals(List.of(OrderOutcome.OPENED, OrderOutcome.OPENED, OrderOutcome.OPENED, OrderOutcome.NO_ACCOUNT),
                batches.write(List.of(first, second, forOther, unknown)));

        assertEquals("REVOKED", flowStatus(first));
        assertEquals("OPEN", flowStatus(second));
        assertEquals("OPEN", flowStatus(forOther));
        assertEquals("MISSING", flowStatus(unknown));
        assertEquals(3, database.longValue("SELECT COUNT(*) FROM outbox_message WHERE tenant_id = ?", t.id()), "every known account's mail is queued");
        assertEquals(3, database.longValue("SELECT COUNT(*) FROM audit_event WHERE tenant_id = ? AND type = 'reset.requested'", t.id()));
        assertEquals(1, database.longValue("SELECT COUNT(*) FROM audit_event WHERE tenant_id = ? AND type = 'reset.requested_unknown_account'", t.id()));

        Instant revoked = clock.instant();
        batches.write(List.of(order(t, "batch-b@example.com")));
        assertEquals("REVOKED", flowStatus(forOther), "a later batch revokes the flows an earlier one left open");
        // a revoked flow expires when it is revoked; finished_at is for a flow that was used
        assertRevokedAt(first, written);
        assertRevokedAt(forOther, revoked);
    }

    private void assertRevokedAt(ResetOrder order, Instant at) throws Exception {
        Timestamp expires = flowColumn(order, "expires_at", r -> r.getTimestamp(1), null);
        assertNotNull(expires, "the flow is stored");
        long off = Math.abs(Duration.between(at, expires.toInstant()).toMillis());
        assertTrue(off < 1000, "expires at the revoke, not an hour later: " + expires + " vs " + at);
        assertNull(flowColumn(order, "finished_at", r -> r.getTimestamp(1), null));
    }

    @Test
    void oneBatchServesSeveralTenantsAndEveryKindOfIdentifier() throws Exception {
        TestTenant a = newTenant("same@example.com", "the old password 1");
        TestTenant b = newTenant("same@example.com", "the old password 1");
        ResetOrder byEmail = order(a, "same@example.com");
        ResetOrder byUsername = order(b, "user-" + b.id());
        ResetOrder byId = order(a, a.accountId());

        assertEquals(List.of(OrderOutcome.OPENED, OrderOutcome.OPENED, OrderOutcome.OPENED), batches.write(List.of(byEmail, byUsername, byId)));

        assertEquals(a.accountId(), flowAccount(byEmail));
        assertEquals(b.accountId(), flowAccount(byUsername));
        assertEquals(a.accountId(), flowAccount(byId));
        assertEquals("REVOKED", flowStatus(byEmail));
        assertEquals("OPEN", flowStatus(byId));
    }

    @Test
    void aRequestThatCannotBeStoredFailsAloneWhileTheOthersQueuedWithItAreCommitted() throws Exception {
        TestTenant t = newTenant("held@example.com", "the old password 1");
        newAccount(t, "c1@example.com");
        newAccount(t, "c2@example.com");
        ResetOrder good1 = order(t, "c1@example.com");
        ResetOrder good2 = order(t, "c2@example.com");
        // the same flow id twice: the second insert breaks the primary key
        ResetOrder clash = new ResetOrder(good1.tenant(), good1.request(), good1.flowId(), good1.link(), good1.code(),
                "another-token-digest", good1.codeDigest(), good1.createdAt(), good1.expiresAt(), null);

        List<CompletableFuture<OrderOutcome>> held = new ArrayList<>();
        List<CompletableFuture<OrderOutcome>> queued = new ArrayList<>();
        try (Connection lock = database.connect()) {
            // hold the account row every committer needs, so the next requests pile up into one batch
            lock.setAutoCommit(false);
            try (PreparedStatement s = lock.prepareStatement("SELECT id FROM account WHERE id = ? FOR UPDATE")) {
                s.setString(1, t.accountId());
                s.executeQuery().close();
            }
            for (int i = 0; i < 2; i++) {
                held.add(commits.submit(order(t, "held@example.com")));
            }
            Thread.sleep(150);
            for (ResetOrder order : List.of(good1, clash, good2)) {
                queued.add(commits.submit(order));
                Thread.sleep(20);
            }
            Thread.sleep(150);
            lock.rollback();
        }

        for (CompletableFuture<OrderOutcome> f : held) {
            assertTrue(f.get(20, TimeUnit.SECONDS).opened());
        }
        assertTrue(queued.get(0).get(20, TimeUnit.SECONDS).opened());
        assertTrue(queued.get(2).get(20, TimeUnit.SECONDS).opened());
        ExecutionException failure = assertThrows(ExecutionException.class, () -> queued.get(1).get(20, TimeUnit.SECONDS));
        assertInstanceOf(RuntimeException.class, failure.getCause());
        assertEquals("OPEN", flowStatus(good1));
        assertEquals("OPEN", flowStatus(good2));
        assertEquals(1, database.longValue("SELECT COUNT(*) FROM outbox_message WHERE flow_id = ?", good1.flowId()), "the clash stored nothing");
        assertEquals(1, database.longValue("SELECT COUNT(*) FROM reset_flow WHERE account_id = ? AND status = 'OPEN'", t.accountId()));
    }

    @Test
    void batchAfterBatchIsCommittedOnOneHeldConnectionThatGoesBackToThePoolWhenRequestsStop() throws Exception {
        TestTenant t = newTenant("burst@example.com", "the old password 1");
        HikariDataSource pool = (HikariDataSource) DelegatingDataSource.unwrapDataSource(dataSource);
        double batchesBefore = registry.summary("resetkit.reset.commit.batch.size").count();
        double connectionsBefore = registry.counter("resetkit.reset.commit.connections").count();
        List<CompletableFuture<OrderOutcome>> answers = new ArrayList<>();
        List<ResetOrder> orders = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ResetOrder order = order(t, i % 2 == 0 ? "burst@example.com" : "nobody-" + i + "@example.com");
            orders.add(order);
            answers.add(commits.submit(order));
        }
        for (int i = 0; i < answers.size(); i++) {
            assertEquals(i % 2 == 0 ? OrderOutcome.OPENED : OrderOutcome.NO_ACCOUNT, answers.get(i).get(20, TimeUnit.SECONDS));
        }
        // more than one batch (at most 64 each), each committed: the last flow is the open one
        assertEquals(150, database.longValue("SELECT COUNT(*) FROM reset_flow WHERE account_id = ?", t.accountId()));
        assertEquals("OPEN", flowStatus(orders.get(298)));
        assertEquals(1, database.longValue("SELECT COUNT(*) FROM reset_flow WHERE account_id = ? AND status = 'OPEN'", t.accountId()));
        double batches = registry.summary("resetkit.reset.commit.batch.size").count() - batchesBefore;
        double connections = registry.counter("resetkit.reset.commit.connections").count() - connectionsBefore;
        assertTrue(batches >= 5, "batches: " + batches);
        assertTrue(connections >= 1 && connections < batches, "a connection served several batches: " + connections + " for " + batches);

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (pool.getHikariPoolMXBean().getActiveConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections(), "the committer gave its connection back");
        try (Connection c = pool.getConnection()) {
            assertTrue(c.getAutoCommit(), "in the pool's autocommit mode again");
        }
    }

    private void newAccount(TestTenant t, String email) throws Exception {
        admin().createAccount(t.id(), new AccountCreate().email(email).password("the old password 1"), adminAuth());
    }

    private ResetOrder order(TestTenant t, String identifier) {
        return TestOrders.of(tenants.requireTenant(t.id()), identifier, null);
    }

    private String flowStatus(ResetOrder order) throws Exception {
        return flowColumn(order, "status");
    }

    private String flowAccount(ResetOrder order) throws Exception {
        return flowColumn(order, "account_id");
    }

    private String flowColumn(ResetOrder order, String column) throws Exception {
        return flowColumn(order, column, r -> r.getString(1), "MISSING");
    }

    private interface Column<T> {
        T read(ResultSet row) throws SQLException;
    }

    private <T> T flowColumn(ResetOrder order, String column, Column<T> reader, T missing) throws Exception {
        try (Connection c = database.connect();
             PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM reset_flow WHERE id = ?")) {
            s.setString(1, order.flowId());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? reader.read(r) : missing;
            }
        }
    }
}
