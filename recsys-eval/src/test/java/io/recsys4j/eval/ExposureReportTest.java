package io.recsys4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recsys4j.core.IdMap;
import io.recsys4j.core.Interactions;
import io.recsys4j.core.Scorer;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The exposure metrics end to end, on one case worked by hand. Training: A has items 0, 1, 2;
 * B 0, 1; C 0, 3; D 0, so popularity is 4, 2, 1, 1, 0 over 4 users, and the 20% tail (1.6 of 8
 * interactions) is items 4 and 2. Lists: X gets 0, 1 and Y gets 0, 2.
 * <pre>
 *   K = 2: counts 2,1,1,0,0: coverage 3/5; Gini 10 / 20 = 0.5
 *          avgpop (3 + 2.5)/2 = 2.75; novelty ((0+1)/2 + (0+2)/2)/2 = 0.75; tailshare (0 + 1/2)/2 = 0.25
 *   K = 1: counts 2,0,0,0,0: coverage 1/5; Gini 8 / 10 = 0.8; avgpop 4; novelty 0; tailshare 0
 * </pre>
 */
class ExposureReportTest {
    private static void assertHandValues(EvaluationReport r) {
        assertTrue(r.hasExposure());
        assertEquals(2, r.users());
        assertEquals(0.6, r.coverage(2), 1e-12);
        assertEquals(0.5, r.gini(2), 1e-12);
        assertEquals(2.75, r.mean("avgpop@2"), 1e-12);
        assertEquals(0.75, r.mean("novelty@2"), 1e-12);
        assertEquals(0.25, r.mean("tailshare@2"), 1e-12);
        assertEquals(0.2, r.coverage(1), 1e-12);
        assertEquals(0.8, r.gini(1), 1e-12);
        assertEquals(4.0, r.mean("avgpop@1"), 1e-12);
        assertEquals(0.0, r.mean("novelty@1"), 1e-12);
        assertEquals(0.0, r.mean("tailshare@1"), 1e-12);
        assertEquals(0.6, (double) r.summary().get("coverage@2"), 1e-12);
        assertEquals(0.8, (double) r.summary().get("gini@1"), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> r.coverage(3), "not a cut-off");
        // A sub-report recomputes the catalogue-wide figures over its own users' lists.
        EvaluationReport y = r.forUsers("Y"::equals);
        assertEquals(0.4, y.coverage(2), 1e-12);
        assertEquals(2.5, y.mean("avgpop@2"), 1e-12);
        assertTrue(r.toTable().contains("coverage"), r.toTable());
    }

    @Test
    void modelEvaluation_hasTheHandComputedExposure() {
        // Users A, B, C, D train; X (4) and Y (5) are evaluated and have no training items.
        int[] tu = {0, 0, 0, 1, 1, 2, 2, 3};
        int[] ti = {0, 1, 2, 0, 1, 0, 3, 0};
        Interactions train = Interactions.of(IdMap.of(List.of("A", "B", "C", "D", "X", "Y")), IdMap.range(5), tu, ti,
                null, null);
        Interactions test = Interactions.of(train.users(), train.items(), new int[] {4, 5}, new int[] {4, 1}, null, null);
        float[][] s = new float[6][5];
        s[4] = new float[] {0.9f, 0.8f, 0.1f, 0.1f, 0.1f};
        s[5] = new float[] {0.9f, 0.1f, 0.8f, 0.1f, 0.1f};
        Scorer scorer = new Scorer() {
            @Override
            public int numItems() {
                return 5;
            }

            @Override
            public void score(int[] users, float[] out) {
                for (int r = 0; r < users.length; r++) {
                    System.arraycopy(s[users[r]], 0, out, r * 5, 5);
                }
            }
        };
        try (RankingEvaluator ev = RankingEvaluator.builder().ks(1, 2).threads(1).build()) {
            assertHandValues(ev.evaluate(scorer, train, test));
        }
    }

    @Test
    void runFile_withTrainingPairs_hasTheSameExposure_andNoneWithout() {
        Map<String, Set<String>> train = new LinkedHashMap<>();
        train.put("A", new LinkedHashSet<>(List.of("i0", "i1", "i2")));
        train.put("B", new LinkedHashSet<>(List.of("i0", "i1")));
        train.put("C", new LinkedHashSet<>(List.of("i0", "i3")));
        train.put("D", new LinkedHashSet<>(List.of("i0")));
        Map<String, Set<String>> truth = new LinkedHashMap<>();
        truth.put("X", Set.of("i4"));
        truth.put("Y", Set.of("i1"));
        Map<String, List<String>> rankings = new LinkedHashMap<>();
        rankings.put("X", List.of("i0", "i1"));
        rankings.put("Y", List.of("i0", "i2"));
        RunFile run = RunFile.of(rankings, null);
        assertHandValues(new RunEvaluator(1, 2).evaluate(run, truth, train, 0.2));
        EvaluationReport plain = new RunEvaluator(1, 2).evaluate(run, truth);
        assertFalse(plain.hasExposure());
        assertFalse(plain.metricNames().contains("avgpop@2"));
        assertThrows(IllegalStateException.class, () -> plain.coverage(2));
    }
}
