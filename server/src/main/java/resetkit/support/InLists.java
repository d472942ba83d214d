package resetkit.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Pads a list bound to an SQL {@code IN (...)} to the next power of two by repeating its last
 * value, so a statement comes in a few shapes (1, 2, 4, ... placeholders) rather than one per list
 * length. Connector/J caches each connection's parsed statements by SQL text: unpadded, every
 * length of every list was an entry of its own on every connection, and batches of varying size
 * filled the caches with hundreds of them. A repeated value matches nothing more.
 */
public final class InLists {
    private InLists() {
    }

    public static <T> List<T> padded(Collection<T> values) {
        List<T> padded = new ArrayList<>(values);
        if (padded.isEmpty()) {
            return padded;
        }
        int shape = Math.max(1, Integer.highestOneBit(padded.size() - 1) << 1);
        T last = padded.get(padded.size() - 1);
        while (padded.size() < shape) {
            padded.add(last);
        }
        return padded;
    }

    /** {@code (?, ?, ...)} with {@code count} placeholders: an IN list, or one row of a multi-row insert. */
    public static String placeholders(int count) {
        return "(" + String.join(", ", Collections.nCopies(count, "?")) + ")";
    }
}
