package resetkit.support;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeOrderedIdsTest {

    @Test
    void idsAreVersion7UuidsThatSortByCreationTime() throws Exception {
        String first = TimeOrderedIds.next();
        Thread.sleep(2);
        String second = TimeOrderedIds.next();
        UUID parsed = UUID.fromString(first);
        assertEquals(7, parsed.version());
        assertEquals(2, parsed.variant());
        assertTrue(first.compareTo(second) < 0, first + " sorts before " + second);
        long millis = parsed.getMostSignificantBits() >>> 16;
        assertTrue(Math.abs(System.currentTimeMillis() - millis) < 5_000, "the first 48 bits are the creation time");
    }

    @Test
    void idsCreatedInTheSameMillisecondStillDiffer() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.next());
        }
        assertEquals(10_000, ids.size());
    }
}
