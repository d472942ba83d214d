package resetkit.variant.tangerine;

import resetkit.api.RequestPathNormalizer;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import resetkit.client.api.TangerineApi;
import resetkit.client.model.CompleteResetRequest;
import resetkit.client.model.TangerineLostPasswordRequest;
import resetkit.testing.Mailbox;
import resetkit.testing.RawHttp;
import resetkit.variant.DialectContractTest;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tangerine365's "Lost Password" document replayed against the server: its path with the double
 * slash, its form content type, its SDK samples' empty body, and the flow carried to a changed
 * password through the native API.
 */
@MicronautTest(transactional = false)
class TangerineContractTest extends DialectContractTest {
    static final String TENANT = "tangerine-co";
    private static final String OLD = "the old password 1";
    private static final String NEW = "a brand new password 2";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String OK_BODY = "{}";
    private static final String EMPTY_BODY_ERROR = "{\"status\":400,\"error\":\"validation\",\"message\":\"username is required\"}";

    private TestTenant tenant;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("resetkit.variants.tangerine.tenant", TENANT);
    }

    @BeforeAll
    void createTenant() throws Exception {
        tenant = fixedTenant(TENANT, "lost@tangerine.example", "lost-user", OLD);
    }

    private RawHttp.Response rawPost(String target, String contentType, String body) throws Exception {
        return RawHttp.post(server.getURL(), target, contentType, body, Map.of());
    }

    private MimeMessage nextMail() throws Exception {
        return nextResetMail(tenant.email());
    }

    @Test
    void theDocumentsSdkSamplesEmptyFormBodyGetsA400SayingWhatIsMissing() throws Exception {
        int queued = outboxSize(TENANT);
        // python requests data="", fetch URLSearchParams(''), Go nil body: Content-Length 0
        RawHttp.Response empty = rawPost("//auth/lostPassword", FORM, "");
        assertEquals(400, empty.status(), empty.body());
        assertEquals(EMPTY_BODY_ERROR, empty.body());
        assertTrue(empty.header("content-type").startsWith("application/json"));
        // Ruby Net::HTTP, Unirest, RestSharp: no body and no Content-Length at all
        RawHttp.Response noLength = RawHttp.exchange(server.getURL(),
                "POST //auth/lostPassword HTTP/1.1\r\nContent-Type: " + FORM, new byte[0]);
        assertEquals(400, noLength.status(), noLength.body());
        assertEquals(EMPTY_BODY_ERROR, noLength.body());
        // a form without the field, and an empty field
        assertEquals(EMPTY_BODY_ERROR, rawPost("/auth/lostPassword", FORM, "user=x").body());
        RawHttp.Response blank = rawPost("/auth/lostPassword", FORM, "username=");
        assertEquals(400, blank.status(), blank.body());
        assertEquals(queued, outboxSize(TENANT), "nothing queued for refused requests");
    }

    @Test
    void doubleSlashPathWithAFormBodyMailsALinkThatCompletesThroughTheNativeApi() throws Exception {
        RawHttp.Response response = rawPost("//auth/lostPassword", FORM, "username=lost-user");
        assertEquals(200, response.status(), response.body());
        assertEquals(OK_BODY, response.body());
        assertTrue(response.header("content-type").startsWith("application/json"));

        MimeMessage mail = nextMail();
        assertTrue(Mailbox.link(mail).startsWith("https://app.example.com/reset?token="), Mailbox.link(mail));
        resets().completePasswordReset(new CompleteResetRequest().token(Mailbox.token(mail)).newPassword(NEW));
        assertPasswordChanged(tenant, OLD, NEW);

        // and back, through the single-slash path and the generated client (JSON)
        Object answer = new TangerineApi(apiClient()).tangerineLostPassword(new TangerineLostPasswordRequest().username(tenant.email()));
        assertEquals(Map.of(), answer);
        MimeMessage second = nextMail();
        resets().completePasswordReset(new CompleteResetRequest().token(Mailbox.token(second)).newPassword(OLD));
        assertPasswordChanged(tenant, NEW, OLD);
    }

    @Test
    void bothPathsTakeJsonAndFormAlike() throws Exception {
        for (String target : new String[]{"//auth/lostPassword", "/auth/lostPassword", "///auth//lostPassword"}) {
            RawHttp.Response json = rawPost(target, "application/json", "{\"username\":\"lost-user\"}");
            assertEquals(200, json.status(), target + " " + json.body());
            assertEquals(OK_BODY, json.body());
            nextMail();
            RawHttp.Response form = rawPost(target, FORM + "; charset=UTF-8", "username=lost%40tangerine.example");
            assertEquals(200, form.status(), target + " " + form.body());
            assertEquals(OK_BODY, form.body());
            nextMail();
        }
    }

    @Test
    void anUnknownAccountIsAnsweredExactlyLikeAKnownOneAndGetsNoMail() throws Exception {
        RawHttp.Response known = rawPost("//auth/lostPassword", FORM, "username=lost-user");
        nextMail();
        int queued = outboxSize(TENANT);
        long unknownEvents = events(TENANT, "reset.requested_unknown_account");

        RawHttp.Response unknown = rawPost("//auth/lostPassword", FORM, "username=nobody-here");
        RawHttp.Response unknownJson = rawPost("/auth/lostPassword", "application/json", "{\"username\":\"nobody@tangerine.example\"}");

        for (RawHttp.Response r : new RawHttp.Response[]{unknown, unknownJson}) {
            assertEquals(known.status(), r.status());
            assertEquals(known.body(), r.body());
            assertEquals(known.header("content-type"), r.header("content-type"));
        }
        assertEquals(queued, outboxSize(TENANT), "no mail for an unknown account");
        assertEquals(unknownEvents + 2, events(TENANT, "reset.requested_unknown_account"));
    }

    @Test
    void badRequestsGetAClear4xxInTheDialectsShape() throws Exception {
        RawHttp.Response malformed = rawPost("//auth/lostPassword", "application/json", "{\"username\":");
        assertEquals(400, malformed.status(), malformed.body());
        assertEquals("{\"status\":400,\"error\":\"malformed-request\",\"message\":\"The request body could not be read.\"}", malformed.body());

        RawHttp.Response wrongType = rawPost("//auth/lostPassword", "application/json", "{\"username\":42}");
        assertEquals(400, wrongType.status(), wrongType.body());
        assertTrue(wrongType.body().startsWith("{\"status\":400,\"error\":"), wrongType.body());

        RawHttp.Response tooLong = rawPost("/auth/lostPassword", "application/json", "{\"username\":\"" + "a".repeat(321) + "\"}");
        assertEquals(400, tooLong.status(), tooLong.body());
        assertTrue(tooLong.body().contains("\"error\":\"validation\"") && tooLong.body().contains("username"), tooLong.body());

        RawHttp.Response text = rawPost("//auth/lostPassword", "text/plain", "username=lost-user");
        assertEquals(415, text.status(), text.body());
        assertTrue(text.body().startsWith("{\"status\":415,\"error\":\"unsupported-media-type\""), text.body());

        RawHttp.Response get = RawHttp.exchange(server.getURL(), "GET //auth/lostPassword HTTP/1.1", new byte[0]);
        assertEquals(405, get.status(), get.body());
        assertTrue(get.body().startsWith("{\"status\":405,\"error\":\"method-not-allowed\""), get.body());

        RawHttp.Response huge = rawPost("//auth/lostPassword", FORM, "username=" + "a".repeat(70_000));
        assertEquals(413, huge.status(), huge.body());
        assertTrue(huge.body().startsWith("{\"status\":413,\"error\":\"payload-too-large\""), huge.body());
    }

    @Test
    void aTrailingSlashIsTheSameOperation() throws Exception {
        RawHttp.Response empty = rawPost("//auth/lostPassword/", FORM, "");
        assertEquals(400, empty.status(), empty.body());
        assertEquals(EMPTY_BODY_ERROR, empty.body());
        RawHttp.Response ok = rawPost("/auth/lostPassword/", FORM, "username=nobody");
        assertEquals(200, ok.status(), ok.body());
        assertEquals(OK_BODY, ok.body());
    }

    @Test
    void pathsAreNormalizedButQueryStringsKeepTheirSlashes() {
        assertEquals("/auth/lostPassword?next=//x//y", RequestPathNormalizer.normalize("//auth//lostPassword?next=//x//y"));
        assertEquals("/auth/lostPassword", RequestPathNormalizer.normalize("//auth/lostPassword//"));
        assertEquals("/a/b#//c", RequestPathNormalizer.normalize("/a//b#//c"));
        assertEquals("/?q=/", RequestPathNormalizer.normalize("//?q=/"));
        assertEquals("/", RequestPathNormalizer.normalize("/"));
        assertEquals("http://h//x", RequestPathNormalizer.normalize("http://h//x"));
        assertEquals("*", RequestPathNormalizer.normalize("*"));
        assertEquals("/v1/x", RequestPathNormalizer.normalize("/v1/x"));
    }
}
