package resetkit.account;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import resetkit.testing.IntegrationTest;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tenant ids follow the API's pattern on every path in (the bootstrap file calls the core directly). */
@MicronautTest(transactional = false)
class TenantIdTest extends IntegrationTest {
    @Inject
    TenantAdministration administration;

    @Test
    void theCoreRefusesTenantIdsTheApiWouldRefuse() {
        for (String id : List.of("café", "x", "-leading-dash", "a".repeat(65), "with space")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> administration.createTenant(new TenantSettings(id, "n", List.of(), null, null, null), null), id);
            assertTrue(refused.getMessage().contains("tenant id"), refused.getMessage());
            assertTrue(administration.findTenant(id).isEmpty(), "nothing stored for " + id);
        }
        assertEquals("ok.Tenant-1_x", administration.createTenant(new TenantSettings("ok.Tenant-1_x", "n", List.of(), null, null, null), null)
                .tenant().id());
    }

    @Test
    void thePatternIsTheOneThePublishedSpecDeclares() throws Exception {
        String spec = get("/openapi.yaml", Map.of()).body();
        assertTrue(spec.contains("pattern: '" + TenantAdministration.TENANT_ID.pattern() + "'"), "TenantIdValue's pattern in the spec");
    }
}
