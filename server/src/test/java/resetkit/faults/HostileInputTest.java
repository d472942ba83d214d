package resetkit.faults;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.junit.jupiter.api.Test;
import resetkit.client.model.PasswordResetRequest;
import resetkit.faults.SpecOperations.SpecOperation;
import resetkit.testing.CapturedLogs;
import resetkit.testing.IntegrationTest;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Schema-driven hostile input against every operation of the OpenAPI document: each declared
 * content type and wrong ones, schema-derived mutations and structural attacks, with a valid key,
 * none and a wrong one. No answer may be a 5xx, none may hang, every answer must validate against
 * the operation's documented responses (status, content type, body), nothing may be logged at
 * ERROR (bad input is the client's mistake: a log that each such request fills with a stack trace
 * pages operators and can be flooded), and afterwards the server still serves a normal reset.
 * A fixed seed makes a failure reproducible.
 */
@MicronautTest(environments = "demo", transactional = false)
class HostileInputTest extends IntegrationTest {
    private static final long SEED = 20261122L;
    private static final int BODIES_PER_CASE = 8;
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
    /** Content types every operation also gets, declared or not; null sends no Content-Type. */
    private static final List<String> CONTENT_TYPES = java.util.Arrays.asList(
            "application/json", "application/xml", "application/x-www-form-urlencoded", "text/plain", null);
    private static final List<String> HOSTILE_PATH_VALUES = List.of(
            "%27%20OR%201%3D1%20--", "x".repeat(300), "%00", "%E0%A4", "%24%7B7*7%7D", "..", "%2e%2e%2fadmin");
    private static final Map<String, String> VALID_KEYS = Map.of(
            "password-resets", "Bearer rk_demo_key", "credentials", "Bearer rk_demo_key", "admin", "Bearer " + ADMIN_TOKEN,
            "zap", "Bearer zap_demo_key", "crux", "crux_demo_key", "maiascore", "Bearer REPLACE_BEARER_TOKEN");

    /**
     * Answers the server gives that the OpenAPI document does not list, reported to the owners of
     * those sections and accepted here until the document lists them: the dialect sections of Timbu
     * and ZAP's companions do not document 413 for a body larger than the server accepts
     * (micronaut.server.max-request-size), which every operation answers in its dialect's shape.
     */
    /** Answers the document does not list yet ("OPERATION STATUS"); empty: every answer is documented. */
    private static final Set<String> SPEC_GAPS = Set.of();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private record Case(SpecOperation operation, String path, String query, String contentType, String authorization,
                        String label, byte[] body) {
        String describe() {
            return operation.id() + " [" + label + ", " + contentType + ", key " + (authorization == null ? "none" : authorization.length() > 14 ? "valid" : "wrong") + "]";
        }
    }

    @Test
    void everyOperationSurvivesHostileInputWithinItsContract() throws Exception {
        String document = SpecOperations.document();
        List<SpecOperation> operations = SpecOperations.read(document);
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
        assertValidatorRejectsAnOffContractAnswer(validator);
        List<Case> cases = cases(operations, new Random(SEED));
        assertTrue(cases.size() > 2000, "a few thousand requests: " + cases.size());

        Map<String, String> problems = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger succeeded = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CapturedLogs logged = new CapturedLogs();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Case c : cases) {
                running.add(pool.submit(() -> {
                    sent.incrementAndGet();
                    if (check(c, validator, problems)) {
                        succeeded.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
            logged.close();
        }
        List<String> errors = logged.events().stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).distinct().toList();
        assertTrue(errors.isEmpty(), "logged at ERROR while answering hostile input:\n" + String.join("\n", errors));
        assertEquals(cases.size(), sent.get());
        assertTrue(succeeded.get() > 30, "valid requests reached the handlers and succeeded: " + succeeded.get());
        assertTrue(problems.isEmpty(), problems.size() + " kinds of problem in " + cases.size() + " requests:\n"
                + problems.entrySet().stream().sorted(Map.Entry.comparingByKey()).limit(80)
                .map(e -> e.getKey() + "\n      e.g. " + e.getValue()).collect(Collectors.joining("\n")));

        stillServesANormalReset();
    }

    /** Sends one case and records what is wrong with the answer; returns whether it was a 2xx. */
    private boolean check(Case c, OpenApiInteractionValidator validator, Map<String, String> problems) {
        HttpResponse<String> response;
        try {
            response = send(c);
        } catch (Exception e) {
            problems.putIfAbsent(c.operation().id() + " no answer: " + e.getClass().getSimpleName(), c.describe());
            return false;
        }
        if (response.body().contains("root:x:0:0")) {
            problems.putIfAbsent(c.operation().id() + " shows a local file (external entity resolved)", c.describe());
        }
        if (response.statusCode() >= 500) {
            problems.putIfAbsent(c.operation().id() + " answered " + response.statusCode(), c.describe() + " -> " + abbreviate(response.body()));
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode()).withBody(response.body());
        response.headers().firstValue("Content-Type").ifPresent(answer::withContentType);
        ValidationReport report = validator.validateResponse(c.operation().path(), Request.Method.valueOf(c.operation().method().name()), answer.build());
        boolean knownGap = SPEC_GAPS.contains(c.operation().id() + " " + response.statusCode());
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR
                    && !(knownGap && message.getKey().equals("validation.response.status.unknown"))) {
                problems.putIfAbsent(c.operation().id() + " " + response.statusCode() + " off-contract: " + message.getKey() + " " + abbreviate(message.getMessage()),
                        c.describe() + " -> " + response.headers().firstValue("Content-Type").orElse("no type") + " " + abbreviate(response.body()));
            }
        }
        return response.statusCode() / 100 == 2;
    }

    /** The validator is strict enough to matter: a wrong body, status or content type is an error. */
    private static void assertValidatorRejectsAnOffContractAnswer(OpenApiInteractionValidator validator) {
        assertTrue(validator.validateResponse("/v1/password-resets", Request.Method.POST, SimpleResponse.Builder.status(202)
                .withContentType("application/json").withBody("{\"flow_id\":5}").build()).hasErrors(), "wrong body");
        assertTrue(validator.validateResponse("/v1/password-resets", Request.Method.POST, SimpleResponse.Builder.status(418)
                .withContentType("application/json").withBody("{}").build()).hasErrors(), "undocumented status");
        assertTrue(validator.validateResponse("/auth/forgot-password", Request.Method.POST, SimpleResponse.Builder.status(200)
                .withContentType("text/html").withBody("<p>OK</p>").build()).hasErrors(), "wrong content type");
    }

    private HttpResponse<String> send(Case c) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + c.path() + c.query()))
                .timeout(ANSWER_WITHIN)
                .method(c.operation().method().name(), c.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        if (c.authorization() != null) {
            request.header("Authorization", c.authorization());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<Case> cases(List<SpecOperation> operations, Random random) throws Exception {
        List<Case> cases = new ArrayList<>();
        for (SpecOperation operation : operations) {
            List<String> keys = new ArrayList<>();
            keys.add(VALID_KEYS.get(operation.tag()));
            keys.add("Bearer rk_wrong_key_" + random.nextInt(1000));
            if (VALID_KEYS.containsKey(operation.tag())) {
                keys.add(null);
            }
            boolean hasBody = !operation.bodies().isEmpty();
            Set<String> types = new LinkedHashSet<>(operation.bodies().keySet());
            types.addAll(CONTENT_TYPES);
            Schema<?> jsonSchema = hasBody ? operation.bodies().values().iterator().next() : null;
            for (String key : keys) {
                for (String type : hasBody ? new ArrayList<>(types) : java.util.Arrays.asList(null, "application/json")) {
                    List<Case> options = new ArrayList<>();
                    Schema<?> schema = operation.bodies().getOrDefault(type, jsonSchema);
                    if (hasBody) {
                        for (JsonNode value : HostileBodies.mutations(schema, random)) {
                            options.add(newCase(operation, random, type, key, "schema " + abbreviate(value.toString()), HostileBodies.encode(value, type)));
                        }
                        for (HostileBodies.Body body : HostileBodies.structural()) {
                            options.add(newCase(operation, random, type, key, body.label(), body.bytes()));
                        }
                    } else {
                        for (int i = 0; i < BODIES_PER_CASE; i++) {
                            options.add(newCase(operation, random, type, key, "no body", null));
                        }
                        options.add(newCase(operation, random, type, key, "GET with a body", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
                    }
                    Case first = options.get(0);
                    Collections.shuffle(options, random);
                    options.remove(first);
                    options.add(0, first); // the valid body is always among those sent
                    cases.addAll(options.subList(0, Math.min(BODIES_PER_CASE, options.size())));
                }
            }
        }
        Collections.shuffle(cases, random);
        return cases;
    }

    private Case newCase(SpecOperation operation, Random random, String type, String key, String label, byte[] body) {
        String path = operation.path();
        if (path.contains("{tenantId}")) {
            path = path.replace("{tenantId}", random.nextInt(4) == 0 ? HOSTILE_PATH_VALUES.get(random.nextInt(HOSTILE_PATH_VALUES.size())) : "demo");
        }
        return new Case(operation, path, query(operation.queryParameters(), random), type, key, label, body);
    }

    /** Valid values for the documented query parameters, and now and then a hostile one instead. */
    private static String query(List<Parameter> parameters, Random random) {
        List<String> pairs = new ArrayList<>();
        for (Parameter p : parameters) {
            String value;
            int pick = random.nextInt(6);
            if (pick == 0) {
                value = HostileBodies.INJECTIONS.get(random.nextInt(HostileBodies.INJECTIONS.size()));
            } else if (pick == 1) {
                // long, but inside the request-line limit (a longer line is refused before routing, see SPEC_GAPS)
                value = "9".repeat(1 + random.nextInt(3000));
            } else if (pick == 2) {
                value = "-1";
            } else if (pick == 3 && !Boolean.TRUE.equals(p.getRequired())) {
                continue;
            } else {
                value = HostileBodies.valid(p.getSchema(), p.getName()).asText();
            }
            pairs.add(URLEncoder.encode(p.getName(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private void stillServesANormalReset() throws Exception {
        TestTenant t = newTenant("after-fuzz@example.com", "the old password 1");
        resets().requestPasswordReset(new PasswordResetRequest().identifier(t.email()), bearer(t.apiKey()));
        mailbox.awaitMessage(t.email(), 1, Duration.ofSeconds(20));
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "..." : flat;
    }
}
