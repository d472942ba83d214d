package resetkit.scale;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import resetkit.client.model.AccountCreate;
import resetkit.testing.AllAtOnce;
import resetkit.testing.IntegrationTest;
import resetkit.testing.Mailbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two server instances on one database, each with its own outbox worker: requests spread over
 * both yield exactly one mail each (the workers claim rows with a lease), none duplicated. Rate
 * limits are on and shared: a burst for one identifier over both instances gets exactly the limit.
 */
@MicronautTest(transactional = false)
class TwoInstancesTest extends IntegrationTest {
    private static final int REQUESTS = 400;

    @Override
    protected Map<String, String> extraProperties() {
        // every request comes from 127.0.0.1: the address limit is raised, the others stay at their defaults
        return Map.of("resetkit.rate-limit.enabled", "true", "resetkit.rate-limit.per-ip", "100000");
    }

    @Test
    void fourHundredRequestsOverTwoInstancesGiveFourHundredMails() throws Exception {
        TestTenant t = newTenant("seed@scale.example", "the old password 1");
        for (int i = 0; i < REQUESTS; i++) {
            admin().createAccount(t.id(), new AccountCreate().email("user" + i + "@scale.example"), adminAuth());
        }
        try (EmbeddedServer other = startSecondInstance()) {
            List<Integer> statuses = sendOverBoth(other, t, REQUESTS, 8, i -> "user" + i + "@scale.example");
            assertEquals(REQUESTS, statuses.stream().filter(s -> s == 202).count(), statuses.toString());

            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (countScaleMails() < REQUESTS && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(1000); // both workers keep polling: a duplicate would show up now
            Set<String> tokens = new HashSet<>();
            Set<String> recipients = new HashSet<>();
            for (MimeMessage m : mailbox.all()) {
                String to = m.getAllRecipients()[0].toString();
                if (to.endsWith("@scale.example") && !to.startsWith("seed")) {
                    tokens.add(Mailbox.token(m));
                    recipients.add(to);
                }
            }
            assertEquals(REQUESTS, countScaleMails(), "one mail per request");
            assertEquals(REQUESTS, tokens.size(), "no mail sent twice");
            assertEquals(REQUESTS, recipients.size());
        }
    }

    @Test
    void aBurstForOneIdentifierOverBothInstancesGetsExactlyTheLimit() throws Exception {
        TestTenant t = newTenant("burst@scale2.example", "the old password 1");
        try (EmbeddedServer other = startSecondInstance()) {
            List<Integer> statuses = sendOverBoth(other, t, 30, 30, i -> "burst@scale2.example");
            assertEquals(5, statuses.stream().filter(s -> s == 202).count(), statuses.toString());
            assertEquals(25, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
            mailbox.awaitMessage(t.email(), 5, Duration.ofSeconds(20));
            Thread.sleep(1000);
            assertEquals(5, mailbox.to(t.email()).size());
        }
    }

    private EmbeddedServer startSecondInstance() {
        return ApplicationContext.run(EmbeddedServer.class, new HashMap<String, Object>(getProperties()), "test");
    }

    /** {@code count} reset requests, alternately to this instance and {@code other}, from {@code threads} threads at once; their statuses. */
    private List<Integer> sendOverBoth(EmbeddedServer other, TestTenant t, int count, int threads, IntFunction<String> identifier)
            throws Exception {
        List<String> bases = List.of(server.getURL().toString(), other.getURL().toString());
        HttpClient http = HttpClient.newHttpClient();
        return AllAtOnce.run(threads, count, i -> {
            String base = bases.get(i % 2);
            String body = "{\"identifier\":\"" + identifier.apply(i) + "\"}";
            return () -> http.send(HttpRequest.newBuilder(URI.create(base + "/v1/password-resets"))
                    .header("Authorization", "Bearer " + t.apiKey()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        });
    }

    private long countScaleMails() {
        return mailbox.all().stream().filter(m -> {
            try {
                String to = m.getAllRecipients()[0].toString();
                return to.endsWith("@scale.example") && !to.startsWith("seed");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }
}
