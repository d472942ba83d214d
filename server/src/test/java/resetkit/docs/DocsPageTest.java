package resetkit.docs;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import resetkit.testing.IntegrationTest;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /docs over HTTP: Swagger UI comes from the server itself; the browser test checks that it renders. */
@MicronautTest(transactional = false)
class DocsPageTest extends IntegrationTest {

    @Test
    void theDocsPageLoadsSwaggerUiFromTheServerItself() throws Exception {
        assertEquals(200, get("/docs/", Map.of()).statusCode(), "a trailing slash serves the same page");
        HttpResponse<String> page = get("/docs", Map.of());
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("<script src=\"/docs/swagger-ui-bundle.js\"></script>"));
        assertFalse(page.body().contains("http"), "no external (CDN) reference: " + page.body());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self';") && csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(null));

        HttpResponse<String> bundle = get("/docs/swagger-ui-bundle.js", Map.of());
        assertEquals(200, bundle.statusCode());
        assertTrue(bundle.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(bundle.body().length() > 100_000);
        assertEquals(200, get("/docs/swagger-ui.css", Map.of()).statusCode());

        String starter = get("/docs/resetkit-docs.js", Map.of()).body();
        assertTrue(starter.contains("url: '/openapi.yaml'") && starter.contains("validatorUrl: null"), starter);
    }

    @Test
    void onlyTheNamedAssetsAreServed() throws Exception {
        for (String path : new String[]{"/docs/index.html.bak", "/docs/application.yml", "/docs/..%2Fapplication.yml",
                "/docs/oauth2-redirect.html", "/docs/pom.properties"}) {
            assertEquals(404, get(path, Map.of()).statusCode(), path);
        }
    }

    @Test
    void theServedContractListsThePreviewOperation() throws Exception {
        HttpResponse<String> spec = get("/openapi.yaml", Map.of());
        assertEquals(200, spec.statusCode());
        assertTrue(spec.body().contains("operationId: previewTemplate"));
    }
}
