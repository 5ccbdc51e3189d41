package io.recsys4j.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recsys4j.core.IdMap;
import io.recsys4j.core.Interactions;
import io.recsys4j.core.Scorer;
import io.recsys4j.core.TopK;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RankingEvaluatorTest {
    /** A fixed score matrix with many ties (scores from a handful of values). */
    private static final class MatrixScorer implements Scorer {
        final float[][] s;

        MatrixScorer(float[][] s) {
            this.s = s;
        }

        @Override
        public int numItems() {
            return s[0].length;
        }

        @Override
        public void score(int[] users, float[] out) {
            for (int r = 0; r < users.length; r++) {
                System.arraycopy(s[users[r]], 0, out, r * numItems(), numItems());
            }
        }
    }

    @Test
    void topK_breaksTiesByItemIndexAndSkipsExcluded() {
        float[] s = {0.5f, 0.9f, 0.5f, 0.9f, 0.1f, 0.5f};
        int[] out = new int[4];
        float[] heap = new float[4];
        int n = TopK.select(s, 0, 6, new int[] {3}, 0, 1, 4, out, heap);
        assertEquals(4, n);
        assertArrayEquals(new int[] {1, 0, 2, 5}, out);
        assertEquals(2, TopK.select(s, 0, 2, new int[0], 0, 0, 4, out, heap), "fewer candidates than K");
    }

    @Test
    void fullRanking_matchesABruteForceRunEvaluation() {
        SplittableRandom r = new SplittableRandom(5);
        int users = 60;
        int items = 40;
        float[][] s = new float[users][items];
        Interactions.Builder tr = Interactions.builder(IdMap.range(users), IdMap.range(items));
        Interactions.Builder te = Interactions.builder(IdMap.range(users), IdMap.range(items));
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                s[u][i] = r.nextInt(7) / 7f;
                double p = r.nextDouble();
                if (p < 0.15) {
                    tr.add(u, i);
                } else if (p < 0.25 && u % 10 != 0) {
                    te.add(u, i);
                }
            }
        }
        Interactions train = tr.build();
        Interactions test = te.build();
        int[] ks = {1, 3, 10, 50};
        EvaluationReport got = RankingEvaluator.builder().ks(ks).batchSize(7).threads(2).build()
                .evaluate(new MatrixScorer(s), train, test);

        // Brute force: sort every user's candidates (score desc, index asc), evaluate as a run.
        Map<String, List<String>> rank = new HashMap<>();
        Map<String, double[]> scores = new HashMap<>();
        Map<String, Set<String>> truth = new java.util.LinkedHashMap<>();
        for (int u = 0; u < users; u++) {
            final int uu = u;
            List<Integer> cand = new ArrayList<>();
            for (int i = 0; i < items; i++) {
                if (!train.contains(u, i)) {
                    cand.add(i);
                }
            }
            cand.sort(Comparator.<Integer>comparingDouble(i -> -s[uu][i]).thenComparingInt(i -> i));
            rank.put("" + u, cand.stream().map(String::valueOf).toList());
            scores.put("" + u, cand.stream().mapToDouble(i -> s[uu][i]).toArray());
            Set<String> t = new HashSet<>();
            for (int i : test.itemsOf(u)) {
                t.add("" + i);
            }
            if (!t.isEmpty()) {
                truth.put("" + u, t);
            }
        }
        EvaluationReport want = new RunEvaluator(ks).evaluate(RunFile.of(rank, scores), truth);
        assertEquals(want.userIds(), got.userIds());
        for (String m : want.metricNames()) {
            assertArrayEquals(want.perUser(m), got.perUser(m), 1e-12, m);
        }
    }

    @Test
    void mismatchedItemCount_isRejected() {
        Interactions x = Interactions.of(IdMap.range(1), IdMap.range(3), new int[] {0}, new int[] {0}, null, null);
        Scorer s = new MatrixScorer(new float[][] {{1, 2}});
        assertThrows(IllegalArgumentException.class, () -> RankingEvaluator.builder().build().evaluate(s, x, x));
    }

    @Test
    void noTestUsers_givesAnEmptyReport() {
        Interactions train = Interactions.of(IdMap.range(1), IdMap.range(2), new int[] {0}, new int[] {0}, null, null);
        Interactions test = Interactions.of(IdMap.range(1), IdMap.range(2), new int[0], new int[0], null, null);
        EvaluationReport r = RankingEvaluator.builder().build().evaluate(new MatrixScorer(new float[][] {{1, 2}}), train, test);
        assertEquals(0, r.users());
        assertEquals(Double.NaN, r.mean("recall@20"));
    }

    @Test
    void badSettings_areRefusedWithTheValue() {
        assertThrows(IllegalArgumentException.class, () -> RankingEvaluator.builder().ks(0));
        assertThrows(IllegalArgumentException.class, () -> RankingEvaluator.builder().threads(0));
    }

    @Test
    void candidateFilter_ranksOnlyTheAllowedItems() {
        float[][] s = {{0.9f, 0.8f, 0.1f, 0.2f}};
        Interactions train = Interactions.of(IdMap.range(1), IdMap.range(4), new int[0], new int[0], null, null);
        Interactions test = Interactions.of(IdMap.range(1), IdMap.range(4), new int[] {0}, new int[] {2}, null, null);
        RankingEvaluator ev = RankingEvaluator.builder().ks(1, 2).auc(false).build();
        EvaluationReport all = ev.evaluate(new MatrixScorer(s), train, test);
        EvaluationReport cold = ev.evaluate(new CandidateFilter(new MatrixScorer(s), new boolean[] {false, false, true, true}),
                train, test);
        assertEquals(0.0, all.mean("hit@2"));
        // Among items 2 and 3 only, item 3 (0.2) ranks first and item 2 second.
        assertEquals(0.0, cold.mean("hit@1"));
        assertEquals(1.0, cold.mean("hit@2"));
        assertEquals(0.5, cold.mean("mrr@2"));

        // The same candidates named by a split part: the items that part has interactions with.
        Interactions heldOut = Interactions.of(IdMap.range(2), IdMap.range(4), new int[] {0, 1, 1}, new int[] {3, 2, 3},
                null, null);
        float[] row = new float[4];
        CandidateFilter.itemsIn(new MatrixScorer(s), heldOut).score(new int[] {0}, row);
        assertTrue(Float.isNaN(row[0]) && Float.isNaN(row[1]));
        assertEquals(0.1f, row[2]);
        assertEquals(0.2f, row[3]);
        assertThrows(IllegalArgumentException.class, () -> CandidateFilter.itemsIn(new MatrixScorer(s),
                Interactions.of(IdMap.range(1), IdMap.range(5), new int[0], new int[0], null, null)));
    }

    @Test
    void masking_userWithARepeatedTrainingPair_neverRanksATrainingItem_handComputed() {
        // Training items [3, 3, 5] (item 3 bought twice), through of and through the builder by id.
        IdMap users = IdMap.range(1);
        IdMap items = IdMap.range(6);
        Interactions viaOf = Interactions.of(users, items, new int[] {0, 0, 0}, new int[] {3, 3, 5}, null, null);
        Interactions viaBuilder = Interactions.builder(users, items).add("0", "3").add("0", "5").add("0", "3").build();
        Interactions test = Interactions.of(users, items, new int[] {0, 0}, new int[] {1, 2}, null, null);
        // Training items score highest, so any leak would take the first places.
        float[][] s = {{0.5f, 0.7f, 0.5f, 0.8f, 0.4f, 0.9f}};
        for (Interactions train : List.of(viaOf, viaBuilder)) {
            try (RankingEvaluator ev = RankingEvaluator.builder().ks(1, 2).build()) {
                EvaluationReport r = ev.evaluate(new MatrixScorer(s), train, test);
                // Candidates 0, 1, 2, 4 ranked 1 (0.7), 0 (0.5), 2 (0.5, tie broken by index), 4 (0.4).
                assertEquals(1.0, r.mean("hit@1"));
                assertEquals(0.5, r.mean("precision@2"));
                assertEquals(0.5, r.mean("recall@2"));
                assertEquals(1.0, r.mean("mrr@2"));
                assertEquals(1.0 / (1.0 + 1.0 / (Math.log(3) / Math.log(2))), r.mean("ndcg@2"), 1e-12);
                // Pairs (1 vs 0) 1, (1 vs 4) 1, (2 vs 0) tie 1/2, (2 vs 4) 1: 3.5 / 4. A miscounted
                // candidate set (6 - 3 entries) would divide by 2 x 1.
                assertEquals(0.875, r.mean("auc"), 1e-15);
            }
        }
    }

    @Test
    void threadsOrBorrowedWorkers_giveTheSameReport_andTheEvaluatorReleasesOnlyWhatItOwns() {
        SplittableRandom r = new SplittableRandom(8);
        float[][] s = new float[30][20];
        Interactions.Builder tr = Interactions.builder(IdMap.range(30), IdMap.range(20));
        Interactions.Builder te = Interactions.builder(IdMap.range(30), IdMap.range(20));
        for (int u = 0; u < 30; u++) {
            for (int i = 0; i < 20; i++) {
                s[u][i] = r.nextInt(5);
                int p = r.nextInt(10);
                if (p < 2) {
                    tr.add(u, i);
                } else if (p < 4) {
                    te.add(u, i);
                }
            }
        }
        Interactions train = tr.build();
        Interactions test = te.build();
        EvaluationReport one;
        try (RankingEvaluator ev = RankingEvaluator.builder().threads(1).batchSize(4).build()) {
            one = ev.evaluate(new MatrixScorer(s), train, test);
        }
        try (io.recsys4j.core.Workers w = io.recsys4j.core.Workers.of(3)) {
            RankingEvaluator ev = RankingEvaluator.builder().workers(w).batchSize(4).build();
            for (int rep = 0; rep < 2; rep++) {
                EvaluationReport got = ev.evaluate(new MatrixScorer(s), train, test);
                for (String m : one.metricNames()) {
                    assertArrayEquals(one.perUser(m), got.perUser(m), 0.0, m);
                }
            }
            ev.close();
            w.run(1, t -> { });  // still usable: the evaluator only borrowed it
        }
        RankingEvaluator owned = RankingEvaluator.builder().threads(2).build();
        owned.close();
        assertThrows(IllegalStateException.class, () -> owned.evaluate(new MatrixScorer(s), train, test));
        assertThrows(IllegalStateException.class, () -> RankingEvaluator.builder().threads(2)
                .workers(io.recsys4j.core.Workers.sequential()).build());
    }
}
