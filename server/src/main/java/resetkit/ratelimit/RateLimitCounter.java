package resetkit.ratelimit;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("rate_limit_counter")
public record RateLimitCounter(@Id String counterKey, String tenantId, Instant windowStart, int hits) {
}
