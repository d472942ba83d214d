package resetkit.reset;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import resetkit.account.ApiKeys;
import resetkit.client.ApiException;
import resetkit.client.model.CompleteResetRequest;
import resetkit.client.model.CredentialCheck;
import resetkit.client.model.VerifyResetRequest;
import resetkit.retention.Purger;
import resetkit.testing.IntegrationTest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A link mailed before tokens named their flow still works after the upgrade: the database is
 * built up to the migration before V54 and holds an open flow with an old-style token, then the
 * server starts (and migrates it). The purge deletes those tokens once their flows are gone.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LegacyLinkTokenTest extends IntegrationTest {
    private static final String KEY = "rk_legacy_tenant_key_for_this_test_only";
    private static final String OPEN_TOKEN = "uPLb3tJ9cX2m0qVZz7yQWn1dK8sR4fA6hG5jE0iTbCo";
    private static final String USED_TOKEN = "Qm7Zk2Lr9Xw4Tn6Vb1Yc8Ps3Hd5Gf0Ja2Ue7Io4Ky9M";
    private static final String NEW = "a brand new password 2";

    @Inject
    Purger purger;

    @Override
    protected Map<String, String> extraProperties() {
        Flyway.configure().dataSource(database.jdbcUrl(), database.properties().get("datasources.default.username"),
                database.properties().get("datasources.default.password")).target("52").load().migrate();
        try (Connection c = database.connect()) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            insert(c, "INSERT INTO tenant (id, name, allowed_redirect_urls, token_ttl_seconds, min_password_length, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    "legacy", "Legacy", "", 3600, 12, now);
            insert(c, "INSERT INTO tenant_api_key (key_digest, tenant_id, created_at) VALUES (?, ?, ?)", ApiKeys.digestOf(KEY), "legacy", now);
            insert(c, "INSERT INTO account (id, tenant_id, email, created_at) VALUES (?, ?, ?, ?)",
                    "0190c6f2-0000-7000-8000-00000000000a", "legacy", "old@example.com", now);
            flow(c, "0190c6f2-0000-7000-8000-0000000000f1", OPEN_TOKEN, "OPEN", now);
            flow(c, "0190c6f2-0000-7000-8000-0000000000f2", USED_TOKEN, "USED", now);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Map.of();
    }

    @Test
    @Order(1)
    void anOpenFlowsOldTokenStillCompletesTheReset() throws Exception {
        resets().verifyPasswordReset(new VerifyResetRequest().token(OPEN_TOKEN));
        resets().completePasswordReset(new CompleteResetRequest().token(OPEN_TOKEN).newPassword(NEW));

        assertEquals("0190c6f2-0000-7000-8000-00000000000a", credentials().verifyCredentials(
                new CredentialCheck().identifier("old@example.com").password(NEW), Map.of("Authorization", "Bearer " + KEY)).getAccountId());
        ApiException again = assertThrows(ApiException.class,
                () -> resets().completePasswordReset(new CompleteResetRequest().token(OPEN_TOKEN).newPassword("yet another password 3")));
        assertEquals(400, again.getCode());
    }

    @Test
    @Order(2)
    void onlyOpenFlowsKeepTheirOldTokensAndTheTokenIndexIsGone() throws Exception {
        ApiException used = assertThrows(ApiException.class, () -> resets().verifyPasswordReset(new VerifyResetRequest().token(USED_TOKEN)));
        assertEquals(400, used.getCode());
        try (Connection c = database.connect();
             ResultSet legacy = c.createStatement().executeQuery("SELECT flow_id FROM legacy_link_token")) {
            assertTrue(legacy.next());
            assertEquals("0190c6f2-0000-7000-8000-0000000000f1", legacy.getString(1));
            assertFalse(legacy.next(), "only the open flow's token was kept");
            try (ResultSet indexes = c.getMetaData().getIndexInfo(c.getCatalog(), null, "reset_flow", false, false)) {
                while (indexes.next()) {
                    assertFalse("ux_flow_token".equalsIgnoreCase(indexes.getString("INDEX_NAME")), "the token index is dropped");
                }
            }
        }
    }

    @Test
    @Order(3)
    void thePurgeDeletesTheOldTokensOfFlowsThatAreGone() throws Exception {
        try (Connection c = database.connect()) {
            for (int i = 1; i <= 3; i++) {
                insert(c, "INSERT INTO legacy_link_token (token_digest, flow_id) VALUES (?, ?)",
                        String.valueOf(i).repeat(64), "0190c6f2-0000-7000-8000-00000000dea" + i);
            }
        }
        assertEquals(3, purger.purge().legacyLinkTokens(), "tokens of flows that no longer exist");
        assertEquals(1, legacyTokens(), "the token of a flow that still exists stays");

        clock.advance(Duration.ofDays(9)); // the flows expire after a day and are purged seven days later
        Purger.Purged purged = purger.purge();
        assertEquals(2, purged.flows());
        assertEquals(1, purged.legacyLinkTokens());
        assertEquals(0, legacyTokens());
        clock.reset();
    }

    private int legacyTokens() throws SQLException {
        try (Connection c = database.connect(); ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM legacy_link_token")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static void flow(Connection c, String id, String token, String status, Instant now) throws SQLException {
        SecretDigester digester = new SecretDigester(new ResetSettings());
        insert(c, "INSERT INTO reset_flow (id, tenant_id, account_id, token_digest, code_digest, status, failed_attempts, channel, created_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 0, 'native', ?, ?)",
                id, "legacy", "0190c6f2-0000-7000-8000-00000000000a", digester.tokenDigest(token), digester.codeDigest(id, "123456"),
                status, now, now.plus(1, ChronoUnit.DAYS));
    }

    private static void insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i] instanceof Instant at ? Timestamp.from(at) : values[i]);
            }
            s.executeUpdate();
        }
    }
}
