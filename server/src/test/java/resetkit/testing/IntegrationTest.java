package resetkit.testing;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import resetkit.client.ApiClient;
import resetkit.client.ApiException;
import resetkit.client.api.AdminApi;
import resetkit.client.api.CredentialsApi;
import resetkit.client.api.PasswordResetsApi;
import resetkit.client.model.AccountCreate;
import resetkit.client.model.TenantCreate;
import resetkit.client.model.TenantCreated;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Base of every test that runs the real server: its own database (H2, or MariaDB when selected),
 * a real SMTP server, and clients generated from the contract talking HTTP to the server.
 * Subclasses carry {@code @MicronautTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class IntegrationTest implements TestPropertyProvider {
    public static final String ADMIN_TOKEN = "test-admin-token";

    protected final TestDatabase database = new TestDatabase();
    protected final Mailbox mailbox = new Mailbox();

    @Inject
    protected EmbeddedServer server;

    @Inject
    protected TestClock clock;

    private Map<String, String> properties;

    /** Computed once: a second server instance (see TwoInstancesTest) gets the same settings. */
    @Override
    public synchronized Map<String, String> getProperties() {
        if (properties == null) {
            properties = computeProperties();
        }
        return properties;
    }

    private Map<String, String> computeProperties() {
        if (startMailbox()) {
            mailbox.start();
        }
        Map<String, String> props = new HashMap<>(database.properties());
        props.put("micronaut.server.port", "-1");
        props.put("resetkit.smtp.host", "127.0.0.1");
        props.put("resetkit.smtp.port", String.valueOf(mailbox.port()));
        props.put("resetkit.smtp.timeout", "10s"); // a loaded CI machine must not turn into retried (reordered) mails
        props.put("resetkit.admin.token", ADMIN_TOKEN);
        props.put("resetkit.mail.poll-interval", "50ms");
        props.put("resetkit.password.bcrypt-cost", "4");
        // tests send many requests from one address; RateLimitTest switches the limits back on
        props.put("resetkit.rate-limit.enabled", "false");
        props.putAll(extraProperties());
        return props;
    }

    /** Whether the SMTP server runs from the start (outage tests start it later). */
    protected boolean startMailbox() {
        return true;
    }

    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    /** SMTP-outage tests: retries every few hundred milliseconds and never park, so a returning server gets every mail soon. */
    protected static Map<String, String> quickMailRetries() {
        return Map.of("resetkit.mail.first-retry-delay", "100ms", "resetkit.mail.max-retry-delay", "400ms",
                "resetkit.mail.max-attempts", "1000", "resetkit.smtp.timeout", "500ms");
    }

    /** Stops the server (and its outbox worker) before the database and mailbox go away. */
    @AfterAll
    void closeResources() {
        if (server != null && server.getApplicationContext().isRunning()) {
            server.getApplicationContext().stop();
        }
        mailbox.close();
        database.close();
    }

    protected ApiClient apiClient() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.getURL().toString());
        client.setReadTimeout(Duration.ofSeconds(30));
        return client;
    }

    protected PasswordResetsApi resets() {
        return new PasswordResetsApi(apiClient());
    }

    protected CredentialsApi credentials() {
        return new CredentialsApi(apiClient());
    }

    protected AdminApi admin() {
        return new AdminApi(apiClient());
    }

    protected static Map<String, String> bearer(String key) {
        return Map.of("Authorization", "Bearer " + key);
    }

    protected static Map<String, String> adminAuth() {
        return bearer(ADMIN_TOKEN);
    }

    /** A new tenant with one account; returns the tenant's API key. */
    protected TestTenant newTenant(String email, String password, String... allowedUrls) throws ApiException {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
        TenantCreate create = new TenantCreate().id(id).name("Tenant " + id).allowedRedirectUrls(List.of(allowedUrls));
        TenantCreated created = admin().createTenant(create, adminAuth());
        String accountId = admin().createAccount(id, new AccountCreate().email(email).password(password).username("user-" + id), adminAuth()).getId();
        return new TestTenant(id, created.getApiKey(), accountId, email);
    }

    public record TestTenant(String id, String apiKey, String accountId, String email) {
    }

    /** A raw HTTP call, for requests the generated client cannot express (wrong types, bad JSON, other content types). */
    protected HttpResponse<String> post(String path, String contentType, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path)).timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
