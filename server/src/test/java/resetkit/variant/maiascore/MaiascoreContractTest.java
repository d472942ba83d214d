package resetkit.variant.maiascore;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import resetkit.client.ApiException;
import resetkit.client.api.MaiascoreApi;
import resetkit.client.model.MaiascoreForgotPasswordRequest;
import resetkit.client.model.MaiascoreResetPasswordRequest;
import resetkit.client.model.MaiascoreResult;
import resetkit.testing.Mailbox;
import resetkit.testing.RawHttp;
import resetkit.variant.DialectContractTest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Maiascore's "Password reset" document replayed against the server: its curl sample (JSON
 * under a form content type), its JSON, XML and form bodies, every documented error status, and
 * each flow completed through resetkit's Maiascore companion and checked with the credential endpoint.
 */
@MicronautTest(transactional = false)
class MaiascoreContractTest extends DialectContractTest {
    private static final String OLD = "the old password 1";
    private static final String NEW = "a brand new password 2";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String OK = "{\"code\":200,\"message\":\"OK\"}";
    private static final String FORBIDDEN = "{\"code\":403,\"message\":\"Forbidden: this operation requires authentication\"}";
    private static final String DOCTYPE_REFUSED =
            "{\"code\":400,\"message\":\"Bad Request: XML with a DOCTYPE or entity declarations is not accepted\"}";
    private static final String DOC_XML = """
            <?xml version="1.0" encoding="utf-8"?>
            <item>
              <id>string</id>
            </item>
            """;

    private TestTenant tenant;

    @BeforeAll
    void createTenant() throws Exception {
        // the document's examples name the account "string"
        tenant = fixedTenant("maiascore-co", "string@maiascore.example", "string", OLD);
    }

    private RawHttp.Response send(String path, String contentType, String body) throws Exception {
        return send(path, contentType, body, tenant.apiKey());
    }

    private RawHttp.Response send(String path, String contentType, String body, String key) throws Exception {
        return RawHttp.post(server.getURL(), path, contentType, body, key == null ? Map.of() : Map.of("Authorization", "Bearer " + key));
    }

    private String mailedToken() throws Exception {
        return Mailbox.token(nextResetMail(tenant.email()));
    }

    private MaiascoreApi client() {
        return new MaiascoreApi(apiClient());
    }

    private static void assertAnswer(int status, String body, RawHttp.Response response) {
        assertEquals(status, response.status(), response.body());
        assertEquals(body, response.body());
        assertTrue(response.header("content-type").startsWith("application/json"), response.header("content-type"));
    }

    @Test
    void theDocumentsCurlSampleSendsJsonUnderAFormContentTypeAndWorks() throws Exception {
        // curl --request POST --url .../auth/forgot-password --header 'Authorization: Bearer ...'
        //   --header 'content-type: application/x-www-form-urlencoded' --data '{"id":"string"}'
        assertAnswer(200, OK, send("/auth/forgot-password", FORM, "{\"id\":\"string\"}"));
        String token = mailedToken();

        MaiascoreResult done = client().maiascoreResetPassword(new MaiascoreResetPasswordRequest().token(token).password(NEW),
                bearer(tenant.apiKey()));
        assertEquals(200, done.getCode());
        assertEquals("OK", done.getMessage());
        assertPasswordChanged(tenant, OLD, NEW);

        // the same JSON under a form type on the companion, back to the old password
        assertAnswer(200, OK, send("/auth/forgot-password", FORM, " {\"id\":\"string@maiascore.example\"}"));
        assertAnswer(200, OK, send("/auth/reset-password", FORM,
                "{\"token\":\"" + mailedToken() + "\",\"password\":\"" + OLD + "\"}"));
        assertPasswordChanged(tenant, NEW, OLD);
    }

    @Test
    void jsonThroughTheGeneratedClientAndTheXmlExampleCompleteTheFlow() throws Exception {
        MaiascoreResult answer = client().maiascoreForgotPassword(new MaiascoreForgotPasswordRequest().id("string"), bearer(tenant.apiKey()));
        assertEquals(200, answer.getCode());
        assertEquals("OK", answer.getMessage());
        String token = mailedToken();
        assertAnswer(200, OK, send("/auth/reset-password", "application/xml",
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<item>\n  <token>" + token + "</token>\n  <password>" + NEW + "</password>\n</item>"));
        assertPasswordChanged(tenant, OLD, NEW);

        assertAnswer(200, OK, send("/auth/forgot-password", "application/xml", DOC_XML));
        assertAnswer(200, OK, send("/auth/reset-password", "application/xml; charset=utf-8",
                "<item><token>" + mailedToken() + "</token><password>" + OLD + "</password></item>"));
        assertPasswordChanged(tenant, NEW, OLD);
    }

    @Test
    void aRealFormBodyCompletesTheFlowToo() throws Exception {
        assertAnswer(200, OK, send("/auth/forgot-password", FORM, "id=string"));
        String token = mailedToken();
        assertAnswer(200, OK, send("/auth/reset-password", FORM + "; charset=UTF-8",
                "token=" + token + "&password=" + NEW.replace(' ', '+')));
        assertPasswordChanged(tenant, OLD, NEW);
        assertAnswer(200, OK, send("/auth/forgot-password", FORM, "id=" + tenant.accountId()));
        assertAnswer(200, OK, send("/auth/reset-password", FORM, "token=" + mailedToken() + "&password=" + OLD.replace(" ", "%20")));
        assertPasswordChanged(tenant, NEW, OLD);
    }

    @Test
    void anUnknownAccountIsAnsweredExactlyLikeAKnownOneAndGetsNoMail() throws Exception {
        RawHttp.Response known = send("/auth/forgot-password", "application/json", "{\"id\":\"string\"}");
        nextResetMail(tenant.email());
        int queued = outboxSize(tenant.id());
        RawHttp.Response[] unknown = {
                send("/auth/forgot-password", "application/json", "{\"id\":\"nobody\"}"),
                send("/auth/forgot-password", FORM, "{\"id\":\"nobody@maiascore.example\"}"),
                send("/auth/forgot-password", FORM, "id=00000000-0000-0000-0000-000000000000"),
                send("/auth/forgot-password", "application/xml", "<item><id>nobody</id></item>")};
        for (RawHttp.Response r : unknown) {
            assertEquals(known.status(), r.status());
            assertEquals(known.body(), r.body());
            assertEquals(known.header("content-type"), r.header("content-type"));
        }
        assertEquals(queued, outboxSize(tenant.id()), "no mail for unknown accounts");
        assertTrue(events(tenant.id(), "reset.requested_unknown_account") >= unknown.length);
    }

    @Test
    void missingOrWrongKeyIs403OnBothOperations() throws Exception {
        int queued = outboxSize(tenant.id());
        for (String path : new String[]{"/auth/forgot-password", "/auth/reset-password"}) {
            assertAnswer(403, FORBIDDEN, send(path, "application/json", "{\"id\":\"string\"}", null));
            assertAnswer(403, FORBIDDEN, send(path, "application/json", "{\"id\":\"string\"}", "REPLACE_BEARER_TOKEN"));
            assertAnswer(403, FORBIDDEN, RawHttp.post(server.getURL(), path, FORM, "id=string", Map.of("Authorization", tenant.apiKey())));
        }
        ApiException viaClient = assertThrows(ApiException.class,
                () -> client().maiascoreForgotPassword(new MaiascoreForgotPasswordRequest().id("string")));
        assertEquals(403, viaClient.getCode());
        assertEquals(FORBIDDEN, viaClient.getResponseBody());
        assertEquals(queued, outboxSize(tenant.id()));
    }

    @Test
    void aTrailingOrDoubledSlashIsTheSameOperationBehindTheSameKeyCheck() throws Exception {
        assertAnswer(403, FORBIDDEN, send("/auth/forgot-password/", "application/json", "{\"id\":\"string\"}", null));
        assertAnswer(403, FORBIDDEN, send("//auth//forgot-password", "application/json", "{\"id\":\"string\"}", null));
        assertAnswer(403, FORBIDDEN, send("/auth/reset-password/", "application/json", "{}", null));
        assertAnswer(200, OK, send("/auth/forgot-password/", "application/json", "{\"id\":\"nobody\"}"));
    }

    @Test
    void anUnknownResourceIs404() throws Exception {
        assertAnswer(404, "{\"code\":404,\"message\":\"Not found: the resource was not found\"}",
                send("/auth/forgot-password/string", "application/json", "{\"id\":\"string\"}"));
    }

    @Test
    void otherErrorsCarryTheirRealStatusAsCode() throws Exception {
        assertAnswer(400, "{\"code\":400,\"message\":\"Bad Request: id is required\"}", send("/auth/forgot-password", "application/json", "{}"));
        assertAnswer(400, "{\"code\":400,\"message\":\"Bad Request: id is required\"}", send("/auth/forgot-password", FORM, "name=string"));
        assertAnswer(400, "{\"code\":400,\"message\":\"Bad Request: id is required\"}", send("/auth/forgot-password", "application/xml", "<item/>"));
        assertAnswer(400, "{\"code\":400,\"message\":\"Bad Request: the request body is empty\"}", send("/auth/forgot-password", FORM, ""));
        assertAnswer(400, "{\"code\":400,\"message\":\"Bad Request: the request body is empty\"}", send("/auth/forgot-password", "application/xml", ""));
        RawHttp.Response badJson = send("/auth/forgot-password", "application/json", "{\"id\":");
        assertEquals(400, badJson.status(), badJson.body());
        assertTrue(badJson.body().startsWith("{\"code\":400,\"message\":\"Bad Request: "), badJson.body());
        RawHttp.Response badXml = send("/auth/forgot-password", "application/xml", "<item><id>string</item>");
        assertAnswer(400, "{\"code\":400,\"message\":\"Bad Request: The request body is not well-formed XML for this operation\"}", badXml);
        RawHttp.Response twice = send("/auth/forgot-password", FORM, "id=a&id=b");
        assertAnswer(400, "{\"code\":400,\"message\":\"Bad Request: id must be given once\"}", twice);

        RawHttp.Response text = send("/auth/forgot-password", "text/plain", "id=string");
        assertEquals(415, text.status(), text.body());
        assertTrue(text.body().startsWith("{\"code\":415,\"message\":\"Unsupported Media Type: "), text.body());

        RawHttp.Response get = RawHttp.exchange(server.getURL(),
                "GET /auth/forgot-password HTTP/1.1\r\nAuthorization: Bearer " + tenant.apiKey(), new byte[0]);
        assertEquals(405, get.status(), get.body());
        assertTrue(get.body().startsWith("{\"code\":405,\"message\":\"Method Not Allowed: "), get.body());

        RawHttp.Response huge = send("/auth/forgot-password", "application/json", "{\"id\":\"" + "a".repeat(70_000) + "\"}");
        assertEquals(413, huge.status(), huge.body());
        assertTrue(huge.body().startsWith("{\"code\":413,"), huge.body());
    }

    @Test
    void xmlWithADoctypeIsRefusedBeforeAnyEntityIsResolved() throws Exception {
        int queued = outboxSize(tenant.id());
        try (ServerSocket bait = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger fetches = new AtomicInteger();
            Thread acceptor = new Thread(() -> acceptAll(bait, fetches));
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "http://127.0.0.1:" + bait.getLocalPort() + "/xxe";
            String[] payloads = {
                    // classic XXE: an external entity whose value would become the id
                    "<?xml version=\"1.0\"?>\n<!DOCTYPE item [<!ENTITY xxe SYSTEM \"" + url + "\">]>\n<item><id>&xxe;</id></item>",
                    "<?xml version=\"1.0\"?>\n<!DOCTYPE item [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<item><id>&xxe;</id></item>",
                    // parameter entity and external DTD subset
                    "<?xml version=\"1.0\"?>\n<!DOCTYPE item [<!ENTITY % ext SYSTEM \"" + url + "\"> %ext;]>\n<item><id>string</id></item>",
                    "<?xml version=\"1.0\"?>\n<!DOCTYPE item SYSTEM \"" + url + "\">\n<item><id>string</id></item>",
                    // entity expansion bomb
                    "<?xml version=\"1.0\"?>\n<!DOCTYPE item [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n<item><id>&c;</id></item>",
                    // a DOCTYPE with nothing in it is refused all the same
                    "<!DOCTYPE item><item><id>string</id></item>"};
            for (String payload : payloads) {
                assertAnswer(400, DOCTYPE_REFUSED, send("/auth/forgot-password", "application/xml", payload));
            }
            assertAnswer(400, DOCTYPE_REFUSED, send("/auth/reset-password", "application/xml", payloads[0]));
            // an entity reference without a DOCTYPE is not expanded either
            RawHttp.Response undeclared = send("/auth/forgot-password", "application/xml", "<item><id>&xxe;</id></item>");
            assertEquals(400, undeclared.status(), undeclared.body());
            assertEquals(0, fetches.get(), "the server fetched an external entity");
        }
        assertEquals(queued, outboxSize(tenant.id()), "nothing was requested");
    }

    private static void acceptAll(ServerSocket bait, AtomicInteger fetches) {
        while (!bait.isClosed()) {
            try (Socket ignored = bait.accept()) {
                fetches.incrementAndGet();
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Test
    void theCompanionRefusesBadTokensAndWeakPasswordsAndIsSingleUse() throws Exception {
        assertAnswer(400, "{\"code\":400,\"message\":\"Bad Request: The reset link or code is invalid, expired or already used\"}",
                send("/auth/reset-password", "application/json", "{\"token\":\"" + "x".repeat(43) + "\",\"password\":\"" + NEW + "\"}"));

        assertAnswer(200, OK, send("/auth/forgot-password", "application/json", "{\"id\":\"string\"}"));
        String token = mailedToken();
        RawHttp.Response weak = send("/auth/reset-password", "application/json", "{\"token\":\"" + token + "\",\"password\":\"short\"}");
        assertEquals(400, weak.status(), weak.body());
        assertTrue(weak.body().startsWith("{\"code\":400,\"message\":\"Bad Request: The new password must be at least 12 characters long"), weak.body());

        TestTenant other = newTenant("someone@other.example", OLD, "https://other.example.com/reset");
        assertAnswer(400, "{\"code\":400,\"message\":\"Bad Request: The reset link or code is invalid, expired or already used\"}",
                send("/auth/reset-password", "application/json", "{\"token\":\"" + token + "\",\"password\":\"" + NEW + "\"}", other.apiKey()));

        assertAnswer(200, OK, send("/auth/reset-password", "application/json", "{\"token\":\"" + token + "\",\"password\":\"" + NEW + "\"}"));
        assertAnswer(400, "{\"code\":400,\"message\":\"Bad Request: The reset link or code is invalid, expired or already used\"}",
                send("/auth/reset-password", "application/json", "{\"token\":\"" + token + "\",\"password\":\"" + OLD + "\"}"));
        assertPasswordChanged(tenant, OLD, NEW);

        assertAnswer(200, OK, send("/auth/forgot-password", "application/json", "{\"id\":\"string\"}"));
        assertAnswer(200, OK, send("/auth/reset-password", "application/json", "{\"token\":\"" + mailedToken() + "\",\"password\":\"" + OLD + "\"}"));
        assertPasswordChanged(tenant, NEW, OLD);
    }
}
