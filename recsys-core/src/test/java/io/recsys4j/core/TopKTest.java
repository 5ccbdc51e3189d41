package io.recsys4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopKTest {
    private static final int USERS = 11;
    private static final int ITEMS = 9;

    /** Scores from a handful of values, so that ties are common. */
    private static final float[][] S = new float[USERS][ITEMS];

    static {
        SplittableRandom r = new SplittableRandom(3);
        for (float[] row : S) {
            for (int i = 0; i < ITEMS; i++) {
                row[i] = r.nextInt(4) / 4f;
            }
        }
    }

    private static final Scorer SCORER = new Scorer() {
        @Override
        public int numItems() {
            return ITEMS;
        }

        @Override
        public void score(int[] users, float[] out) {
            for (int r = 0; r < users.length; r++) {
                System.arraycopy(S[users[r]], 0, out, r * ITEMS, ITEMS);
            }
        }
    };

    private static Interactions train() {
        Interactions.Builder b = Interactions.builder(IdMap.range(USERS), IdMap.range(ITEMS));
        for (int u = 0; u < USERS; u++) {
            for (int i = u % 3; i < ITEMS; i += 4) {
                b.add(u, i);
            }
        }
        return b.build();
    }

    @Test
    void forUsers_equalsSortingEachRow_inTheOrderGiven_acrossBlocks() {
        Interactions train = train();
        int[] users = {7, 2, 10, 0, 5, 3, 9};
        List<Integer> seen = new ArrayList<>();
        TopK.forUsers(SCORER, train, users, 4, 3, (u, top, scores) -> {
            seen.add(u);
            List<Integer> had = IntStream.of(train.itemsOf(u)).boxed().toList();
            int[] expected = IntStream.range(0, ITEMS).filter(i -> !had.contains(i)).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(i -> -S[u][i]).thenComparingInt(i -> i))
                    .limit(4).mapToInt(Integer::intValue).toArray();
            assertArrayEquals(expected, top, "user " + u);
            for (int r = 0; r < top.length; r++) {
                assertEquals(S[u][top[r]], scores[r]);
            }
        });
        assertEquals(List.of(7, 2, 10, 0, 5, 3, 9), seen);
    }

    @Test
    void forUsers_withoutExclusions_mayReturnTrainingItems_andShortListsWhenKExceedsTheCatalogue() {
        int[] count = {0};
        TopK.forUsers(SCORER, null, new int[] {4}, ITEMS + 5, 8, (u, top, scores) -> {
            assertEquals(ITEMS, top.length);
            count[0]++;
        });
        assertEquals(1, count[0]);
    }

    @Test
    void forUsers_rejectsBadArguments() {
        Interactions other = Interactions.builder(IdMap.range(USERS), IdMap.range(ITEMS + 1)).build();
        assertThrows(IllegalArgumentException.class, () -> TopK.forUsers(SCORER, other, new int[] {0}, 3, 4, (u, t, s) -> { }));
        assertThrows(IllegalArgumentException.class, () -> TopK.forUsers(SCORER, null, new int[] {0}, 0, 4, (u, t, s) -> { }));
        assertThrows(IllegalArgumentException.class, () -> TopK.forUsers(SCORER, null, new int[] {0}, 3, 0, (u, t, s) -> { }));
    }
}
