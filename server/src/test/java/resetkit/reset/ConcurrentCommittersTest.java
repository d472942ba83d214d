package resetkit.reset;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import resetkit.account.Tenant;
import resetkit.account.TenantAdministration;
import resetkit.ratelimit.RateLimiter;
import resetkit.client.model.AccountCreate;
import resetkit.testing.IntegrationTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two committers taking batches from one queue ({@code resetkit.reset.group-commit.committers}),
 * as two instances on one database would: every count arrives (none lost to the other
 * committer's batch), every limit holds exactly, and each account ends with one open flow.
 */
@MicronautTest(transactional = false)
class ConcurrentCommittersTest extends IntegrationTest {
    private static final int PER_IDENTIFIER = 5;
    private static final int IDENTIFIERS = 12;
    private static final int REQUESTS_EACH = 12;

    @Inject
    GroupCommit commits;
    @Inject
    TenantAdministration tenants;
    @Inject
    MeterRegistry registry;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("resetkit.reset.group-commit.committers", "2",
                "resetkit.reset.group-commit.max-batch", "16",
                "resetkit.rate-limit.enabled", "true",
                "resetkit.rate-limit.per-identifier", String.valueOf(PER_IDENTIFIER),
                "resetkit.rate-limit.per-ip", "100000",
                "resetkit.rate-limit.per-tenant", "100000");
    }

    @Test
    void batchesWrittenSideBySideCountEveryRequestOnceAndKeepEveryLimit() throws Exception {
        TestTenant t = newTenant("side-0@example.com", "the old password 1");
        List<String> identifiers = new ArrayList<>();
        for (int i = 0; i < IDENTIFIERS; i++) {
            String email = "side-" + i + "@example.com";
            if (i > 0 && i % 2 == 0) {
                admin().createAccount(t.id(), new AccountCreate().email(email).password("the old password 1"), adminAuth());
            }
            identifiers.add(email); // odd ones name no account: counted all the same
        }
        Tenant tenant = tenants.requireTenant(t.id());
        double batchesBefore = registry.summary("resetkit.reset.commit.batch.size").count();

        // round after round over every identifier, so each one's requests fall into many batches of both committers
        List<String> asked = new ArrayList<>();
        List<CompletableFuture<OrderOutcome>> answers = new ArrayList<>();
        for (int round = 0; round < REQUESTS_EACH; round++) {
            for (String identifier : identifiers) {
                asked.add(identifier);
                answers.add(commits.submit(TestOrders.of(tenant, identifier, "192.0.2.7")));
            }
        }

        for (String identifier : identifiers) {
            int admitted = 0;
            int refused = 0;
            for (int i = 0; i < asked.size(); i++) {
                if (asked.get(i).equals(identifier)) {
                    OrderOutcome outcome = answers.get(i).get(30, TimeUnit.SECONDS);
                    if (!outcome.refused()) {
                        admitted++;
                    } else {
                        refused++;
                    }
                }
            }
            assertEquals(PER_IDENTIFIER, admitted, identifier);
            assertEquals(REQUESTS_EACH - PER_IDENTIFIER, refused, identifier);
        }
        int total = IDENTIFIERS * REQUESTS_EACH;
        assertEquals(total, hits(tenant, "tenant", tenant.id()), "no count lost between the committers");
        assertEquals(total, hits(tenant, "ip", "192.0.2.7"));
        for (String identifier : identifiers) {
            assertEquals(REQUESTS_EACH, hits(tenant, "identifier", identifier), identifier);
        }
        int accounts = 1 + (IDENTIFIERS - 1) / 2;
        assertEquals(accounts * PER_IDENTIFIER, database.longValue("SELECT COUNT(*) FROM reset_flow WHERE tenant_id = ?", t.id()));
        assertEquals(accounts, database.longValue("SELECT COUNT(*) FROM reset_flow WHERE tenant_id = ? AND status = 'OPEN'", t.id()),
                "one open flow per account");
        assertEquals(accounts * PER_IDENTIFIER, database.longValue("SELECT COUNT(*) FROM outbox_message WHERE tenant_id = ?", t.id()));
        double batches = registry.summary("resetkit.reset.commit.batch.size").count() - batchesBefore;
        assertTrue(batches >= total / 16.0, "batches: " + batches);
    }

    private long hits(Tenant tenant, String dimension, String value) throws Exception {
        return database.longValue("SELECT hits FROM rate_limit_counter WHERE counter_key = ?", RateLimiter.key(tenant, dimension, value));
    }
}
