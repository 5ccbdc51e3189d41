package io.recsys4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class InteractionsTest {
    private static Interactions sample() {
        return Interactions.of(IdMap.range(3), IdMap.range(4),
                new int[] {0, 2, 0, 1}, new int[] {3, 1, 0, 3}, new float[] {1, 2, 3, 4}, new long[] {10, 20, 30, 40});
    }

    @Test
    void itemsOf_isSortedPerUser() {
        Interactions x = sample();
        assertArrayEquals(new int[] {0, 3}, x.itemsOf(0));
        assertArrayEquals(new int[] {3}, x.itemsOf(1));
        assertEquals(2, x.degree(0));
        assertTrue(x.contains(2, 1));
        assertFalse(x.contains(2, 0));
        assertArrayEquals(new int[] {1, 1, 0, 2}, x.itemDegrees());
    }

    @Test
    void of_rejectsIndexOutsideIdSpace() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Interactions.of(IdMap.range(2), IdMap.range(2), new int[] {0}, new int[] {2}, null, null));
        assertTrue(e.getMessage().contains("item index 2"), e.getMessage());
    }

    @Test
    void select_keepsWeightsAndTimes() {
        Interactions s = sample().select(new int[] {3, 1});
        assertEquals(2, s.size());
        assertEquals(1, s.user(0));
        assertEquals(4f, s.weight(0));
        assertEquals(20L, s.timestamp(1));
    }

    @Test
    void withIdSpaces_extendsWithoutRenumbering() {
        Interactions x = sample();
        IdMap users = IdMap.union(x.users(), IdMap.of(List.of("9")));
        Interactions y = x.withIdSpaces(users, x.items());
        assertEquals(4, y.numUsers());
        assertEquals(0, y.degree(3));
        assertArrayEquals(x.itemsOf(0), y.itemsOf(0));
    }

    @Test
    void builder_rejectsMixingTimestampedAndPlainInteractions() {
        Interactions.Builder b = Interactions.builder(IdMap.range(2), IdMap.range(2)).add(0, 0, 1f, 5L);
        assertThrows(IllegalStateException.class, () -> b.add(1, 1));
    }
}
