package io.recsys4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A repeated (user, item) pair is one interaction whatever door it comes in by: weights
 * summed, latest timestamp, first occurrence's position, and CSR rows strictly increasing.
 */
class RepeatedPairsTest {
    /** The rule written the slow, obvious way: a map from pair to (weight sum, latest time), in first-seen order. */
    private static final class Reference {
        final Map<Long, double[]> pairs = new LinkedHashMap<>();

        void add(int u, int i, float w, long t) {
            pairs.merge(((long) u << 32) | i, new double[] {w, t}, (a, b) -> new double[] {a[0] + b[0], Math.max(a[1], b[1])});
        }

        void check(Interactions x, boolean times) {
            assertEquals(pairs.size(), x.size(), "one interaction per distinct pair");
            int k = 0;
            for (Map.Entry<Long, double[]> e : pairs.entrySet()) {
                assertEquals((int) (e.getKey() >>> 32), x.user(k), "user at " + k);
                assertEquals((int) (long) e.getKey(), x.item(k), "item at " + k);
                assertEquals(e.getValue()[0], x.weight(k), 1e-4, "weight at " + k);
                if (times) {
                    assertEquals((long) e.getValue()[1], x.timestamp(k), "time at " + k);
                }
                k++;
            }
            assertCsrStrictlyIncreasing(x);
        }
    }

    static void assertCsrStrictlyIncreasing(Interactions x) {
        int[] rs = x.csrRowStart();
        int[] items = x.csrItems();
        assertEquals(x.numUsers() + 1, rs.length);
        assertEquals(x.size(), rs[x.numUsers()]);
        for (int u = 0; u < x.numUsers(); u++) {
            for (int j = rs[u] + 1; j < rs[u + 1]; j++) {
                assertTrue(items[j - 1] < items[j], "user " + u + " row not strictly increasing at " + j);
            }
            assertEquals(rs[u + 1] - rs[u], x.degree(u));
        }
    }

    @Test
    void of_mergesRepeats_summingWeightsKeepingLatestTimeAndFirstPosition() {
        // User 0 buys coffee (item 3) three times; user 1 once.
        Interactions x = Interactions.of(IdMap.range(2), IdMap.range(6),
                new int[] {0, 0, 1, 0, 0}, new int[] {3, 3, 3, 5, 3}, new float[] {1, 2, 4, 8, 16}, new long[] {50, 10, 7, 20, 40});
        assertEquals(3, x.size());
        assertEquals(2, x.mergedRepeats());
        assertArrayEquals(new int[] {3, 5}, x.itemsOf(0));
        assertEquals(2, x.degree(0));
        assertEquals(3, x.item(0));
        assertEquals(19f, x.weight(0));
        assertEquals(50L, x.timestamp(0));
        assertEquals(1, x.user(1));
        assertEquals(4f, x.weight(1));
        assertEquals(8f, x.weight(2));
        assertEquals(20L, x.timestamp(2));
        assertArrayEquals(new int[] {0, 0, 0, 2, 0, 1}, x.itemDegrees());
    }

    @Test
    void of_withUnitWeights_countsRepeatsAsWeight() {
        Interactions x = Interactions.of(IdMap.range(1), IdMap.range(6), new int[] {0, 0, 0}, new int[] {3, 3, 5}, null, null);
        assertArrayEquals(new int[] {3, 5}, x.itemsOf(0));
        assertTrue(x.hasWeights());
        assertEquals(2f, x.weight(0));
        assertEquals(1f, x.weight(1));
        assertFalse(x.hasTimestamps());
    }

    @Test
    void of_withoutRepeats_keepsUnitWeightsImplicitAndReportsNoMerge() {
        Interactions x = Interactions.of(IdMap.range(2), IdMap.range(3), new int[] {0, 1, 0}, new int[] {2, 2, 0}, null, null);
        assertEquals(0, x.mergedRepeats());
        assertFalse(x.hasWeights());
        assertEquals("Interactions[3 over 2 users x 3 items]", x.toString());
    }

    @Test
    void builder_mergesRepeatsOfEitherAddOverload() {
        Interactions plain = Interactions.builder(IdMap.range(2), IdMap.range(4))
                .add(0, 1).add(1, 1).add(0, 1).add(0, 2).add(0, 1).build();
        assertEquals(3, plain.size());
        assertEquals(2, plain.mergedRepeats());
        assertArrayEquals(new int[] {1, 2}, plain.itemsOf(0));
        assertEquals(3f, plain.weight(0));

        Interactions timed = Interactions.builder(IdMap.range(2), IdMap.range(4))
                .add(1, 0, 0.5f, 9L).add(1, 0, 0.25f, 3L).add(0, 0, 1f, 1L).build();
        assertEquals(2, timed.size());
        assertEquals(1, timed.mergedRepeats());
        assertEquals(0.75f, timed.weight(0));
        assertEquals(9L, timed.timestamp(0));
        assertArrayEquals(new int[] {0}, timed.itemsOf(1));
    }

    @Test
    void builder_byStringIds_mergesRepeatsAndMakesTheIdSpacesInFirstSeenOrder() {
        Interactions x = Interactions.builder()
                .add("alice", "coffee").add("bob", "tea").add("alice", "coffee").add("alice", "milk").build();
        assertEquals(List.of("alice", "bob"), x.users().ids());
        assertEquals(List.of("coffee", "tea", "milk"), x.items().ids());
        assertEquals(3, x.size());
        assertEquals(1, x.mergedRepeats());
        assertArrayEquals(new int[] {0, 2}, x.itemsOf(0));
        assertEquals(2f, x.weight(0));

        Interactions timed = Interactions.builder()
                .add("u", "i", 2f, 100L).add("u", "i", 3f, 300L).add("v", "i", 1f, 200L).build();
        assertEquals(2, timed.size());
        assertEquals(5f, timed.weight(0));
        assertEquals(300L, timed.timestamp(0));
    }

    @Test
    void concat_mergesPairsBothSidesHave_intoTheFirstSidesPosition() {
        IdMap users = IdMap.range(2);
        IdMap items = IdMap.range(4);
        Interactions a = Interactions.of(users, items, new int[] {0, 1}, new int[] {2, 3}, null, new long[] {5, 6});
        Interactions b = Interactions.of(users, items, new int[] {1, 0, 0}, new int[] {0, 2, 1}, new float[] {2, 3, 4},
                new long[] {7, 9, 1});
        Interactions c = a.concat(b);
        assertEquals(4, c.size());
        assertEquals(1, c.mergedRepeats());
        assertEquals(2, c.item(0));
        assertEquals(4f, c.weight(0), "1 (implicit) + 3");
        assertEquals(9L, c.timestamp(0));
        assertArrayEquals(new int[] {1, 2}, c.itemsOf(0));
        assertArrayEquals(new int[] {0, 3}, c.itemsOf(1));
        // Concatenating with itself doubles every weight and keeps every pair once.
        Interactions twice = a.concat(a);
        assertEquals(2, twice.size());
        assertEquals(2, twice.mergedRepeats());
        assertEquals(2f, twice.weight(1));
    }

    @Test
    void select_withARepeatedPosition_thenConcat_neverKeepsARepeat() {
        Interactions x = Interactions.of(IdMap.range(2), IdMap.range(4), new int[] {0, 0, 1}, new int[] {1, 3, 1}, null, null);
        Interactions s = x.select(new int[] {1, 1, 0});
        assertEquals(2, s.size());
        assertEquals(1, s.mergedRepeats());
        assertEquals(2f, s.weight(0));
        assertArrayEquals(new int[] {1, 3}, s.itemsOf(0));
        Interactions back = s.concat(x.select(new int[] {2, 0}));
        assertEquals(3, back.size());
        assertArrayEquals(new int[] {1, 3}, back.itemsOf(0));
        assertArrayEquals(new int[] {1}, back.itemsOf(1));
        assertCsrStrictlyIncreasing(back);
    }

    @Test
    void withIdSpaces_andDataset_keepPairsDistinct() {
        Interactions x = Interactions.of(IdMap.of(List.of("a", "b")), IdMap.of(List.of("x", "y")),
                new int[] {0, 0, 1}, new int[] {1, 1, 0}, null, null);
        Interactions y = x.withIdSpaces(IdMap.of(List.of("a", "b", "c")), IdMap.of(List.of("x", "y", "z")));
        assertEquals(0, y.degree(2));
        assertArrayEquals(new int[] {1}, y.itemsOf(0));
        assertCsrStrictlyIncreasing(y);
        // A test part over other id spaces is remapped through Interactions.of, repeats and all.
        Interactions test = Interactions.builder().add("c", "y").add("a", "z").add("c", "y").build();
        Dataset d = Dataset.builder().train(x).test(test).build();
        Interactions t = d.test().orElseThrow();
        assertEquals(2, t.size());
        assertCsrStrictlyIncreasing(t);
        assertCsrStrictlyIncreasing(d.train());
    }

    @Test
    void everyDoor_mixedAtRandom_agreesWithTheRuleWrittenOut() {
        SplittableRandom r = new SplittableRandom(7);
        IdMap users = IdMap.range(6);
        IdMap items = IdMap.range(5);
        for (int trial = 0; trial < 200; trial++) {
            // Few users and items, so most pairs repeat; built in two halves by different doors.
            Reference ref = new Reference();
            List<int[]> rows = new ArrayList<>();
            int n = r.nextInt(40);
            for (int k = 0; k < n; k++) {
                rows.add(new int[] {r.nextInt(6), r.nextInt(5), 1 + r.nextInt(4), r.nextInt(100)});
            }
            int cut = n == 0 ? 0 : r.nextInt(n + 1);
            Interactions first = build(users, items, rows.subList(0, cut), r.nextInt(3));
            Interactions second = build(users, items, rows.subList(cut, n), r.nextInt(3));
            Interactions both = first.concat(second);
            for (int[] row : rows) {
                ref.add(row[0], row[1], row[2], row[3]);
            }
            assertEquals(n - ref.pairs.size(), first.mergedRepeats() + second.mergedRepeats() + both.mergedRepeats(),
                    "every repeat merged once, by the step that met it");
            if (first.size() > 0 && second.size() > 0) {
                assertTrue(both.hasTimestamps());
            }
            ref.check(both, both.hasTimestamps());
            for (int u = 0; u < 6; u++) {
                for (int i = 0; i < 5; i++) {
                    assertEquals(ref.pairs.containsKey(((long) u << 32) | i), both.contains(u, i));
                }
            }
        }
    }

    private static Interactions build(IdMap users, IdMap items, List<int[]> rows, int door) {
        int n = rows.size();
        switch (door) {
            case 0 -> {
                int[] u = new int[n];
                int[] i = new int[n];
                float[] w = new float[n];
                long[] t = new long[n];
                for (int k = 0; k < n; k++) {
                    u[k] = rows.get(k)[0];
                    i[k] = rows.get(k)[1];
                    w[k] = rows.get(k)[2];
                    t[k] = rows.get(k)[3];
                }
                return Interactions.of(users, items, u, i, w, t);
            }
            case 1 -> {
                Interactions.Builder b = Interactions.builder(users, items);
                rows.forEach(x -> b.add(x[0], x[1], x[2], x[3]));
                return b.build();
            }
            default -> {
                Interactions.Builder b = Interactions.builder(users, items);
                rows.forEach(x -> b.add(users.id(x[0]), items.id(x[1]), x[2], x[3]));
                return b.build();
            }
        }
    }
}
