package io.recsys4j.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AucTest {
    @Test
    void tiesCountHalf_handComputed() {
        // pairs: (3 vs 1) right, (3 vs 3) tie, (2 vs 1) right, (2 vs 3) wrong -> 2.5 / 4
        assertEquals(0.625, Auc.of(new double[] {3, 2}, new double[] {1, 3}), 1e-15);
    }

    @Test
    void emptySide_isUndefined() {
        assertTrue(Double.isNaN(Auc.of(new double[] {}, new double[] {1})));
        assertTrue(Double.isNaN(Auc.of(new double[] {1}, new double[] {})));
    }

    @Test
    void agreesWithPairEnumeration_onRandomScoresWithTies() {
        SplittableRandom r = new SplittableRandom(11);
        for (int t = 0; t < 200; t++) {
            double[] p = new double[1 + r.nextInt(20)];
            double[] n = new double[1 + r.nextInt(30)];
            for (int k = 0; k < p.length; k++) {
                p[k] = r.nextInt(6);
            }
            for (int k = 0; k < n.length; k++) {
                n[k] = r.nextInt(6);
            }
            double pairs = 0;
            for (double a : p) {
                for (double b : n) {
                    pairs += a > b ? 1 : a == b ? 0.5 : 0;
                }
            }
            assertEquals(pairs / (p.length * n.length), Auc.of(p, n), 1e-12);
        }
    }

    @Test
    void manyTiedPositives_handComputed_andBuffersReadOnlyUpToTheirCounts() {
        // 20 positives at 1 (the binary-search path): against 0 all 20 right, against 1 all tie
        // (10), against 2 none: 30 / 60.
        double[] p = new double[20];
        java.util.Arrays.fill(p, 1);
        assertEquals(0.5, Auc.of(p, new double[] {0, 1, 2}), 1e-15);
        // Only the first p and n entries count; the rest of each buffer is ignored and kept.
        double[] pos = {3, 2, 99, 99};
        double[] neg = {1, 3, -5};
        assertEquals(0.625, Auc.of(pos, 2, neg, 2), 1e-15);
        assertEquals(99, pos[2]);
        assertEquals(3, pos[0], "input not sorted in place");
        assertThrows(IllegalArgumentException.class, () -> Auc.of(pos, 5, neg, 1));
    }
}
