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

    @Test
    void builder_byIds_inFixedIdSpaces_rejectsAnUnknownIdByName() {
        Interactions.Builder b = Interactions.builder(IdMap.of(List.of("a")), IdMap.of(List.of("x")));
        assertEquals(1, b.add("a", "x").size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.add("a", "y"));
        assertTrue(e.getMessage().contains("unknown item id 'y'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.add(0, 1));
        assertTrue(e.getMessage().contains("item index 1"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> Interactions.builder().add(0, 0), "a growing builder takes ids");
        e = assertThrows(IllegalArgumentException.class, () -> Interactions.builder().add("a", "x", Float.NaN, 1L));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void datasetUnionOfUsers_isTrainsUsersThenTheNewOnesOfLaterParts() {
        Interactions train = Interactions.builder().add("b", "x").add("a", "x").build();
        Interactions test = Interactions.builder().add("c", "y").add("a", "y").build();
        assertEquals(List.of("b", "a", "c"), Dataset.unionOfUsers(train, null, test).ids());
        assertEquals(List.of("x", "y"), Dataset.unionOfItems(train, null, test).ids());
        assertEquals(Dataset.builder().train(train).test(test).build().users(), Dataset.unionOfUsers(train, null, test));
        assertThrows(IllegalArgumentException.class, () -> Dataset.unionOfUsers((Interactions) null));
    }
}
