package io.recsys4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class TopKTest {
    private static final int USERS = 11;
    private static final int ITEMS = 9;
    /** Three threads, so that lists are selected off the calling thread too. */
    private static final Workers WORKERS = Workers.of(3);

    @AfterAll
    static void stopWorkers() {
        WORKERS.close();
    }

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
        TopK.forUsers(SCORER, train, users, 4, 3, WORKERS, (u, top, scores) -> {
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
        assertThrows(IllegalArgumentException.class, () -> TopK.forUsers(SCORER, other, new int[] {0}, 3, 4, WORKERS, (u, t, s) -> { }));
        assertThrows(IllegalArgumentException.class, () -> TopK.forUsers(SCORER, null, new int[] {0}, 0, 4, WORKERS, (u, t, s) -> { }));
        assertThrows(IllegalArgumentException.class, () -> TopK.forUsers(SCORER, null, new int[] {0}, 3, 0, WORKERS, (u, t, s) -> { }));
    }

    @Test
    void select_withRepeatsInTheExclusionList_stillSkipsEveryExcludedItem() {
        // The case: training items [3, 3, 5]; a one-step walk stalled on the second 3.
        float[] s = {0.1f, 0.2f, 0.3f, 0.9f, 0.4f, 0.8f, 0.5f};
        int[] out = new int[7];
        float[] heap = new float[7];
        int got = TopK.select(s, 0, 7, new int[] {3, 3, 5}, 0, 3, 7, out, heap);
        assertEquals(5, got);
        assertArrayEquals(new int[] {6, 4, 2, 1, 0}, java.util.Arrays.copyOf(out, got));
        // Repeats at the end, a negative entry and one beyond the catalogue exclude only what they name.
        got = TopK.select(s, 0, 7, new int[] {-1, 0, 6, 6, 6, 9}, 0, 6, 7, out, heap);
        assertArrayEquals(new int[] {3, 5, 4, 2, 1}, java.util.Arrays.copyOf(out, got));
        // The range [from, to) of a longer array, as a CSR row is read.
        got = TopK.select(s, 0, 7, new int[] {3, 5, 5, 6, 1}, 1, 4, 2, out, heap);
        assertArrayEquals(new int[] {3, 4}, java.util.Arrays.copyOf(out, got));
    }

    @Test
    void forUsers_userWithARepeatedPair_neverGetsATrainingItemBack() {
        // Every user repeats each training item two or three times, through of and concat.
        SplittableRandom r = new SplittableRandom(11);
        Interactions.Builder b = Interactions.builder(IdMap.range(USERS), IdMap.range(ITEMS));
        for (int u = 0; u < USERS; u++) {
            for (int i = 0; i < ITEMS; i++) {
                if (r.nextInt(3) == 0) {
                    int times = 2 + r.nextInt(2);
                    for (int t = 0; t < times; t++) {
                        b.add(u, i);
                    }
                }
            }
        }
        Interactions once = b.build();
        Interactions train = once.concat(once);
        int[] users = IntStream.range(0, USERS).toArray();
        int[] calls = {0};
        TopK.forUsers(SCORER, train, users, ITEMS, 4, WORKERS, (u, top, scores) -> {
            calls[0]++;
            assertEquals(ITEMS - train.degree(u), top.length, "user " + u + " gets every other item");
            for (int i : top) {
                assertFalse(train.contains(u, i), "user " + u + " got training item " + i);
            }
        });
        assertEquals(USERS, calls[0]);
    }

    @Test
    void select_onRandomRowsAndExclusionListsWithRepeats_equalsSortingTheCandidates() {
        SplittableRandom r = new SplittableRandom(21);
        for (int trial = 0; trial < 1000; trial++) {
            // short rows (one pass) and long ones (a sampling pass first: n >= 64 k), with ties,
            // and scores rising with the item index, the order where the heap works hardest
            boolean large = trial % 2 == 1;
            int n = large ? 200 + r.nextInt(3000) : 1 + r.nextInt(30);
            boolean rising = trial % 3 == 0;
            float[] s = new float[n];
            for (int i = 0; i < n; i++) {
                s[i] = r.nextInt(5) == 0 ? Float.NaN : rising ? i / 3 : r.nextInt(large ? 50 : 4);
            }
            // Sorted, with repeats and out-of-range entries, inside a longer array.
            int len = r.nextInt(2 * n);
            int[] ex = new int[len + 2];
            for (int j = 0; j < len; j++) {
                ex[j + 1] = r.nextInt(n + 4) - 2;
            }
            java.util.Arrays.sort(ex, 1, len + 1);
            ex[0] = 1_000;
            ex[len + 1] = -7;
            java.util.Set<Integer> excluded = new java.util.HashSet<>();
            for (int j = 1; j <= len; j++) {
                excluded.add(ex[j]);
            }
            int k = 1 + r.nextInt(large ? 40 : n + 2);
            int[] want = IntStream.range(0, n).filter(i -> !excluded.contains(i) && !Float.isNaN(s[i])).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(i -> -s[i]).thenComparingInt(i -> i))
                    .limit(k).mapToInt(Integer::intValue).toArray();
            int[] out = new int[k];
            int got = TopK.select(s, 0, n, ex, 1, len + 1, k, out, new float[k]);
            assertArrayEquals(want, java.util.Arrays.copyOf(out, got), "trial " + trial);
        }
    }
}
