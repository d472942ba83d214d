package resetkit.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

public final class Times {
    private Times() {
    }

    public static ZonedDateTime utc(Instant instant) {
        return instant == null ? null : instant.atZone(ZoneOffset.UTC);
    }
}
