package resetkit.api.errors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import resetkit.testing.CapturedLogs;
import resetkit.testing.IntegrationTest;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A body that is not a JSON object (a bare number, boolean or string, even the one string field
 * of the body) is the client's mistake: 400 and no log line. The same kinds of
 * exception thrown by the server's own code are its fault: 500 without their message, logged at
 * ERROR with it.
 */
@MicronautTest(transactional = false)
class UnreadableBodyLoggingTest extends IntegrationTest {
    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("resetkit.test.failing-route", "true");
    }

    @Controller("/test-only")
    @Requires(property = "resetkit.test.failing-route", value = "true")
    static class FailingRoute {
        @Post("/illegal-argument")
        String illegalArgument() {
            throw new IllegalArgumentException("a server bug, not the client's input");
        }
    }

    @Test
    void aBodyThatIsNoObjectIsAnswered400WithoutALogLine() throws Exception {
        TestTenant tenant = newTenant("scalar@example.com", "the old password 1");
        List<ILoggingEvent> logged;
        try (CapturedLogs captured = new CapturedLogs()) {
            for (String body : List.of("42", "true", "1e5", "-0.5", "\"scalar@example.com\"", "[]")) {
                HttpResponse<String> answer = post("/v1/password-resets", "application/json", body, bearer(tenant.apiKey()));
                assertEquals(400, answer.statusCode(), body + " -> " + answer.body());
            }
            logged = captured.events();
        }
        assertTrue(logged.stream().noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN)), logged.toString());
    }

    @Test
    void theSameExceptionFromTheServersOwnCodeIsLoggedAndAnswered500() throws Exception {
        List<ILoggingEvent> logged;
        try (CapturedLogs captured = new CapturedLogs()) {
            HttpResponse<String> answer = post("/test-only/illegal-argument", "application/json", "{}", Map.of());
            assertEquals(500, answer.statusCode(), answer.body());
            assertFalse(answer.body().contains("server bug"), answer.body());
            logged = captured.events();
        }
        assertTrue(logged.stream().anyMatch(e -> e.getLevel() == Level.ERROR && e.getFormattedMessage().contains("a server bug")),
                logged.toString());
    }
}
