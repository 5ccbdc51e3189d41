package io.recsys4j.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
