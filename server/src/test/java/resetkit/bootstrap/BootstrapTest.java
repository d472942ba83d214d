package resetkit.bootstrap;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import resetkit.client.model.CredentialCheck;
import resetkit.client.model.PasswordResetAccepted;
import resetkit.client.model.PasswordResetRequest;
import resetkit.client.model.Tenant;
import resetkit.testing.IntegrationTest;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RESETKIT_BOOTSTRAP creates tenants, their chosen keys and accounts at start. */
@MicronautTest(transactional = false)
class BootstrapTest extends IntegrationTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("resetkit.bootstrap", "classpath:bootstrap-test.yml");
    }

    @Test
    void theBootstrapFileIsLoaded() throws Exception {
        Tenant tenant = admin().getTenant("boot", adminAuth());
        assertEquals(600, tenant.getTokenTtlSeconds());
        assertEquals(36, credentials().verifyCredentials(new CredentialCheck().identifier("first@boot.example")
                .password("bootstrap password 1"), bearer("rk_boot_test_key")).getAccountId().length());

        PasswordResetAccepted accepted = resets().requestPasswordReset(
                new PasswordResetRequest().identifier("second@boot.example"), bearer("rk_boot_test_key"));
        assertTrue(accepted.getExpiresAt().isBefore(OffsetDateTime.now().plusMinutes(11)));
        assertTrue(mailbox.awaitMessage("second@boot.example", 1, Duration.ofSeconds(10)).getSubject().contains("Boot Tenant"));
    }
}
