package resetkit.support;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Version 7 UUIDs (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. Rows keyed by
 * them are inserted at the end of InnoDB's clustered index instead of at a random page, so the
 * pages an insert touches stay in the buffer pool however large the table grows (random version 4
 * keys made inserts slower once flows, mails and events outgrew it). The time they reveal is the
 * row's creation time, which the API shows anyway (expiry minus lifetime).
 */
public final class TimeOrderedIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    /**
     * The lowest id of the millisecond {@code at}: every id made earlier sorts below it, as text
     * and as bytes (lower-case hexadecimal, fixed width), every id made at or after it does not.
     */
    public static String firstAt(Instant at) {
        return new UUID(at.toEpochMilli() << 16, 0L).toString();
    }

    public static String next() {
        long millis = System.currentTimeMillis();
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long high = (millis << 16) | 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
        long low = 0x8000000000000000L | ((random[2] & 0x3FL) << 56);
        for (int i = 3; i < 10; i++) {
            low |= (random[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(high, low).toString();
    }
}
