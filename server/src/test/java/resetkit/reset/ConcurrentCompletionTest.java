package resetkit.reset;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import resetkit.client.ApiException;
import resetkit.client.model.CompleteResetRequest;
import resetkit.client.model.CredentialCheck;
import resetkit.client.model.PasswordResetRequest;
import resetkit.testing.AllAtOnce;
import resetkit.testing.IntegrationTest;
import resetkit.testing.Mailbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Single use under contention: the conditional UPDATE lets exactly one of many completions win. */
@MicronautTest(transactional = false)
class ConcurrentCompletionTest extends IntegrationTest {
    private static final int CALLERS = 16;

    @Test
    void sixteenConcurrentCompletesWithOneTokenGiveExactlyOneSuccess() throws Exception {
        TestTenant t = newTenant("race@example.com", "the old password 1");
        resets().requestPasswordReset(new PasswordResetRequest().identifier(t.email()), bearer(t.apiKey()));
        String token = Mailbox.token(mailbox.awaitMessage(t.email(), 1, Duration.ofSeconds(10)));

        List<Integer> statuses = race(i -> () -> {
            try {
                resets().completePasswordReset(new CompleteResetRequest().token(token).newPassword("racer number " + i + " password"));
                return 204;
            } catch (ApiException e) {
                return e.getCode();
            }
        });

        assertEquals(1, statuses.stream().filter(s -> s == 204).count(), statuses.toString());
        assertEquals(CALLERS - 1, statuses.stream().filter(s -> s == 400).count(), statuses.toString());
        long winners = 0;
        for (int i = 0; i < CALLERS; i++) {
            try {
                credentials().verifyCredentials(new CredentialCheck().identifier(t.email()).password("racer number " + i + " password"), bearer(t.apiKey()));
                winners++;
            } catch (ApiException e) {
                assertEquals(401, e.getCode());
            }
        }
        assertEquals(1, winners, "the stored password is the winner's");
    }

    @Test
    void concurrentRequestsForOneAccountLeaveExactlyOneOpenFlow() throws Exception {
        TestTenant t = newTenant("burst@example.com", "the old password 1");
        List<Integer> statuses = race(i -> () -> {
            resets().requestPasswordReset(new PasswordResetRequest().identifier(t.email()), bearer(t.apiKey()));
            return 202;
        });
        assertEquals(CALLERS, statuses.stream().filter(s -> s == 202).count());
        try (Connection c = database.connect();
             PreparedStatement s = c.prepareStatement("SELECT status, COUNT(*) FROM reset_flow WHERE account_id = ? GROUP BY status")) {
            s.setString(1, t.accountId());
            int open = 0;
            int total = 0;
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    total += r.getInt(2);
                    if (r.getString(1).equals("OPEN")) {
                        open = r.getInt(2);
                    }
                }
            }
            assertEquals(1, open);
            assertEquals(CALLERS, total);
        }
    }

    private List<Integer> race(IntFunction<Callable<Integer>> caller) throws Exception {
        return AllAtOnce.run(CALLERS, CALLERS, caller);
    }
}
