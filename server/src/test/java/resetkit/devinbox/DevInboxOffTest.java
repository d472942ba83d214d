package resetkit.devinbox;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import resetkit.testing.IntegrationTest;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** With an SMTP host configured the dev inbox does not exist, even when switched on. */
@MicronautTest(transactional = false)
class DevInboxOffTest extends IntegrationTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("resetkit.dev-inbox.enabled", "true");
    }

    @Test
    void thereIsNoInboxWhileSmtpIsConfigured() throws Exception {
        assertEquals(404, get("/dev/mail", Map.of()).statusCode());
    }
}
