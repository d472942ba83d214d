package resetkit.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import resetkit.client.ApiException;
import resetkit.client.model.AccountCreate;
import resetkit.client.model.AuditEvent;
import resetkit.client.model.CredentialCheck;
import resetkit.client.model.Tenant;
import resetkit.client.model.TenantCreate;
import resetkit.client.model.TenantCreated;
import resetkit.testing.IntegrationTest;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class AdminApiTest extends IntegrationTest {

    @Test
    void aTenantsKeyIsShownOnceAndWorks() throws Exception {
        TenantCreated created = admin().createTenant(new TenantCreate().id("acme").name("Acme Inc.")
                .allowedRedirectUrls(List.of("https://app.acme.example/reset")).tokenTtlSeconds(900).minPasswordLength(14), adminAuth());
        assertTrue(created.getApiKey().startsWith("rk_") && created.getApiKey().length() > 40);
        assertEquals(900, created.getTokenTtlSeconds());

        Tenant read = admin().getTenant("acme", adminAuth());
        assertEquals("Acme Inc.", read.getName());
        assertEquals(List.of("https://app.acme.example/reset"), read.getAllowedRedirectUrls());
        assertEquals(14, read.getMinPasswordLength());
        assertFalse(get("/admin/v1/tenants/acme", adminAuth()).body().contains(created.getApiKey()));

        admin().createAccount("acme", new AccountCreate().email("Someone@Acme.example").username("someone").password("a good password 1"), adminAuth());
        assertEquals(200, post("/v1/credentials/verify", "application/json",
                "{\"identifier\":\"someone\",\"password\":\"a good password 1\"}", bearer(created.getApiKey())).statusCode());
        assertEquals(200, post("/v1/credentials/verify", "application/json",
                "{\"identifier\":\"someone@acme.example\",\"password\":\"a good password 1\"}", bearer(created.getApiKey())).statusCode());

        List<AuditEvent> events = admin().listEvents("acme", 10, adminAuth()).getEvents();
        assertEquals("credentials.accepted", events.get(0).getType());
    }

    @Test
    void duplicatesConflict() throws Exception {
        admin().createTenant(new TenantCreate().id("dup-tenant").name("Dup"), adminAuth());
        assertEquals(409, assertThrows(ApiException.class, () -> admin().createTenant(new TenantCreate().id("dup-tenant").name("Dup"), adminAuth())).getCode());
        admin().createAccount("dup-tenant", new AccountCreate().email("a@dup.example").username("a"), adminAuth());
        assertEquals(409, assertThrows(ApiException.class, () -> admin().createAccount("dup-tenant",
                new AccountCreate().email("A@dup.example"), adminAuth())).getCode());
        assertEquals(409, assertThrows(ApiException.class, () -> admin().createAccount("dup-tenant",
                new AccountCreate().email("b@dup.example").username("a"), adminAuth())).getCode());
    }

    @Test
    void theAdminApiNeedsTheAdminToken() throws Exception {
        assertEquals(401, assertThrows(ApiException.class, () -> admin().createTenant(new TenantCreate().id("nokey").name("x"))).getCode());
        assertEquals(401, assertThrows(ApiException.class, () -> admin().createTenant(new TenantCreate().id("nokey").name("x"), bearer("wrong"))).getCode());
        HttpResponse<String> response = get("/admin/v1/tenants/nokey", bearer(ADMIN_TOKEN + "x"));
        assertEquals(401, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("content-type").orElse(""));
        assertEquals(404, assertThrows(ApiException.class, () -> admin().getTenant("nokey", adminAuth())).getCode());
    }

    @Test
    void invalidAdminInputIsRefused() throws Exception {
        assertEquals(400, post("/admin/v1/tenants", "application/json", "{\"id\":\"bad id!\",\"name\":\"x\"}", adminAuth()).statusCode());
        assertEquals(400, post("/admin/v1/tenants", "application/json", "{\"id\":\"ok-id\",\"name\":\"x\",\"token_ttl_seconds\":5}", adminAuth()).statusCode());
        assertEquals(400, post("/admin/v1/tenants", "application/json", "{\"id\":\"ok-id\",\"name\":\"x\",\"allowed_redirect_urls\":[\"javascript:alert(1)\"]}", adminAuth()).statusCode());
        assertEquals(400, post("/admin/v1/tenants", "application/json", "{\"id\":\"ok-id\",\"name\":\"x\",\"token_ttl_seconds\":\"3600\"}", adminAuth()).statusCode());
        assertEquals(404, post("/admin/v1/tenants/missing/accounts", "application/json", "{\"email\":\"a@b.example\"}", adminAuth()).statusCode());
        assertEquals(404, assertThrows(ApiException.class, () -> admin().getTenant("ok-id", adminAuth())).getCode(), "nothing was stored");
        HttpResponse<String> badEmail = post("/admin/v1/tenants/missing/accounts", "application/json", "{\"email\":\"not an email\"}", adminAuth());
        assertEquals(400, badEmail.statusCode());
        assertTrue(badEmail.body().contains("\"field\":\"email\""), badEmail.body());
    }

    @Test
    void theServerServesItsContract() throws Exception {
        HttpResponse<String> spec = get("/openapi.yaml", Map.of());
        assertEquals(200, spec.statusCode());
        assertTrue(spec.headers().firstValue("content-type").orElse("").startsWith("application/yaml"));
        try (var in = getClass().getClassLoader().getResourceAsStream("openapi/resetkit.yaml")) {
            assertEquals(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), spec.body());
        }
        assertTrue(spec.body().contains("/v1/password-resets:"));
    }

    @Test
    void credentialChecksAnswerAlikeForUnknownAccountsAndWrongPasswords() throws Exception {
        TestTenant t = newTenant("cred@example.com", "the right password");
        ApiException unknown = assertThrows(ApiException.class, () -> credentials().verifyCredentials(
                new CredentialCheck().identifier("nobody@example.com").password("whatever it is"), bearer(t.apiKey())));
        ApiException wrong = assertThrows(ApiException.class, () -> credentials().verifyCredentials(
                new CredentialCheck().identifier(t.email()).password("the wrong password"), bearer(t.apiKey())));
        assertEquals(401, unknown.getCode());
        assertEquals(wrong.getResponseBody(), unknown.getResponseBody());
    }
}
