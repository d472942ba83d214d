package resetkit.scale;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import resetkit.client.model.AccountCreate;
import resetkit.testing.IntegrationTest;
import resetkit.testing.Mailbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two server instances on one database, each with its own outbox worker: requests spread over
 * both yield exactly one mail each (the workers claim rows with a lease), none duplicated.
 */
@MicronautTest(transactional = false)
class TwoInstancesTest extends IntegrationTest {
    private static final int REQUESTS = 400;

    @Test
    void fourHundredRequestsOverTwoInstancesGiveFourHundredMails() throws Exception {
        TestTenant t = newTenant("seed@scale.example", "the old password 1");
        for (int i = 0; i < REQUESTS; i++) {
            admin().createAccount(t.id(), new AccountCreate().email("user" + i + "@scale.example"), adminAuth());
        }
        try (EmbeddedServer other = ApplicationContext.run(EmbeddedServer.class, new java.util.HashMap<String, Object>(getProperties()), "test")) {
            List<String> bases = List.of(server.getURL().toString(), other.getURL().toString());
            HttpClient http = HttpClient.newHttpClient();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                String base = bases.get(i % 2);
                String body = "{\"identifier\":\"user" + i + "@scale.example\"}";
                statuses.add(pool.submit(() -> http.send(HttpRequest.newBuilder(URI.create(base + "/v1/password-resets"))
                        .header("Authorization", "Bearer " + t.apiKey()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertEquals(202, status.get());
            }
            pool.shutdown();

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
