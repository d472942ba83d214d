package resetkit.account;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import resetkit.client.model.AccountCreate;
import resetkit.testing.IntegrationTest;
import resetkit.testing.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Account lookup by every kind of identifier, mapped by hand ({@link AccountCandidates}), and the key columns' types. */
@MicronautTest(transactional = false)
class AccountDirectoryTest extends IntegrationTest {
    @Inject
    AccountDirectory directory;
    @Inject
    AccountRepository repository;

    @Test
    void everyKindOfIdentifierFindsTheAccountWithEveryColumnAsTheRepositoryReadsIt() throws Exception {
        TestTenant t = newTenant("lookup-owner@example.com", "the old password 1");
        String id = admin().createAccount(t.id(), new AccountCreate().email("Lookup.Person@Example.com").username("lookup-user")
                .externalId("ext-42").password("a fine password 9"), adminAuth()).getId();
        Account stored = repository.findById(id).orElseThrow();
        assertTrue(stored.passwordHash() != null && stored.createdAt() != null, "a complete row to compare with");

        for (String identifier : List.of("lookup.person@example.com", " LOOKUP.PERSON@example.COM ", "lookup-user", "ext-42", id)) {
            assertEquals(stored, directory.find(t.id(), identifier).orElse(null), identifier);
        }
        if (TestDatabase.isMysql()) {
            // the column's case-insensitive collation; H2 compares usernames case by case
            assertEquals(stored, directory.find(t.id(), "LOOKUP-USER").orElse(null));
        }
        assertTrue(directory.find(t.id(), "nobody@example.com").isEmpty());
        assertTrue(directory.find(newTenant("other-owner@example.com", "the old password 1").id(), "lookup-user").isEmpty(), "another tenant's");

        Map<String, Account> batch = directory.findAll(t.id(), List.of("lookup-user", "ext-42", "lookup-owner@example.com", "nobody", "nobody2", "x"));
        assertEquals(Map.of("lookup-user", stored, "ext-42", stored, "lookup-owner@example.com", repository.findById(t.accountId()).orElseThrow()), batch);
    }

    @Test
    void keyColumnsAreAsciiOnMariaDbAndPeopleTextStaysUnicode() throws Exception {
        if (!TestDatabase.isMysql()) {
            return; // H2 compares by characters; migration 53 changes nothing there
        }
        assertEquals("ascii_bin", collation("reset_flow", "id"));
        assertEquals("ascii_bin", collation("reset_flow", "token_digest"));
        assertEquals("ascii_bin", collation("outbox_message", "status"));
        assertEquals("ascii_general_ci", collation("account", "tenant_id"));
        assertEquals("ascii_general_ci", collation("tenant", "id"));
        assertTrue(collation("account", "email").startsWith("utf8mb4"));
        assertTrue(collation("account", "username").startsWith("utf8mb4"));
    }

    private String collation(String table, String column) throws Exception {
        try (Connection c = database.connect();
             PreparedStatement q = c.prepareStatement("SELECT collation_name FROM information_schema.columns "
                     + "WHERE table_schema = DATABASE() AND table_name = ? AND column_name = ?")) {
            q.setString(1, table);
            q.setString(2, column);
            try (ResultSet r = q.executeQuery()) {
                assertTrue(r.next(), table + "." + column);
                return r.getString(1);
            }
        }
    }
}
