package resetkit.reset;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import resetkit.client.model.CompleteResetRequest;
import resetkit.client.model.PasswordResetRequest;
import resetkit.testing.IntegrationTest;
import resetkit.testing.Mailbox;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A dump of every table after a full flow holds no token, code, password or API key in clear. */
@MicronautTest(transactional = false)
class SecretsAtRestTest extends IntegrationTest {

    @Test
    void noSecretIsStoredInClear() throws Exception {
        String oldPassword = "the old password 1";
        String newPassword = "a brand new password 2";
        TestTenant t = newTenant("atrest@example.com", oldPassword);
        resets().requestPasswordReset(new PasswordResetRequest().identifier(t.email()), bearer(t.apiKey()));
        MimeMessage mail = mailbox.awaitMessage(t.email(), 1, Duration.ofSeconds(10));
        String token = Mailbox.token(mail);
        String code = Mailbox.code(mail);
        String dumpWhilePending = dump();
        resets().completePasswordReset(new CompleteResetRequest().token(token).newPassword(newPassword));
        String dump = dumpWhilePending + dump();

        assertTrue(dump.contains(t.email()), "the dump is real");
        for (String secret : List.of(token, oldPassword, newPassword, t.apiKey())) {
            assertFalse(dump.contains(secret), "secret found in the database dump");
        }
        assertFalse(dump.matches("(?s).*\\b" + code + "\\b.*"), "code found in the database dump");
    }

    private String dump() throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = database.connect()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet r = meta.getTables(c.getCatalog(), null, "%", new String[]{"TABLE"})) {
                while (r.next()) {
                    String schema = r.getString("TABLE_SCHEM");
                    if (schema == null || schema.equalsIgnoreCase("public")) {
                        tables.add(r.getString("TABLE_NAME"));
                    }
                }
            }
            assertTrue(tables.contains("reset_flow") && tables.contains("outbox_message"), tables.toString());
            for (String table : tables) {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
                    int columns = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        for (int i = 1; i <= columns; i++) {
                            out.append(r.getString(i)).append('|');
                        }
                        out.append('\n');
                    }
                }
            }
        }
        return out.toString();
    }
}
