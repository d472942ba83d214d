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
    void nonAsciiIdentifiersFindNothingInsteadOfFailing() throws Exception {
        TestTenant t = newTenant("plain@example.com", "the old password 1");
        // matched against account ids (byte-compared on MySQL/MariaDB) as well as emails and usernames
        for (String identifier : List.of("jöhn", "ünïcödé@exämple.com", "名前", "😀")) {
            assertTrue(directory.find(t.id(), identifier).isEmpty(), identifier);
        }
        assertEquals(Map.of(), directory.findAll(t.id(), List.of("jöhn", "名前")));
    }

    @Test
    void keyColumnsAreByteStringsOnMariaDbAndPeopleTextKeepsItsCollation() throws Exception {
        if (!TestDatabase.isMysql()) {
            return; // H2 compares by characters; migration 53 changes nothing there
        }
        for (String[] column : new String[][] {{"reset_flow", "id"}, {"reset_flow", "token_digest"}, {"account", "id"},
                {"outbox_message", "claimed_by"}, {"audit_event", "flow_id"}}) {
            assertEquals("varbinary", column(column[0], column[1], "data_type"), column[0] + "." + column[1]);
        }
        assertEquals(column("account", "email", "collation_name"), column("account", "tenant_id", "collation_name"), "tenant ids still match in any case");
        assertTrue(column("account", "username", "collation_name").startsWith("utf8mb4"));
        assertTrue(!column("account", "username", "collation_name").endsWith("_bin"));
    }

    private String column(String table, String column, String property) throws Exception {
        try (Connection c = database.connect();
             PreparedStatement q = c.prepareStatement("SELECT " + property + " FROM information_schema.columns "
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
