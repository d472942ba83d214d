package resetkit.reset;

import io.micronaut.core.annotation.Nullable;
import resetkit.account.Tenant;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Reset orders as the request path hands them to {@link GroupCommit}, with placeholder secrets. */
final class TestOrders {
    private TestOrders() {
    }

    static ResetOrder of(Tenant tenant, String identifier, @Nullable String clientIp) {
        Instant now = Instant.now();
        return new ResetOrder(tenant, ResetRequest.of(identifier, "test"), UUID.randomUUID().toString(),
                "https://example.com/reset?token=t", "123456", UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                now, now.plus(Duration.ofHours(1)), clientIp);
    }
}
