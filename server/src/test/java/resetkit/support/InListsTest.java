package resetkit.support;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InListsTest {

    @Test
    void listsArePaddedToThePowerOfTwoAboveWithTheirLastValue() {
        assertEquals(List.of(), InLists.padded(List.of()));
        assertEquals(List.of("a"), InLists.padded(List.of("a")));
        assertEquals(List.of("a", "b"), InLists.padded(List.of("a", "b")));
        assertEquals(List.of("a", "b", "c", "c"), InLists.padded(List.of("a", "b", "c")));
        assertEquals(List.of("c", "d", "e", "e"), InLists.padded(new TreeSet<>(Set.of("e", "c", "d"))));
    }

    @Test
    void everyLengthUpToAThousandTakesOneOfElevenShapes() {
        Set<Integer> shapes = new TreeSet<>();
        for (int n = 1; n <= 1000; n++) {
            List<Integer> padded = InLists.padded(IntStream.rangeClosed(1, n).boxed().toList());
            assertEquals(Set.copyOf(IntStream.rangeClosed(1, n).boxed().toList()), Set.copyOf(padded));
            shapes.add(padded.size());
        }
        assertEquals(Set.of(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024), shapes);
    }

    @Test
    void placeholdersAreAParenthesisedList() {
        assertEquals("(?)", InLists.placeholders(1));
        assertEquals("(?, ?, ?)", InLists.placeholders(3));
    }
}
