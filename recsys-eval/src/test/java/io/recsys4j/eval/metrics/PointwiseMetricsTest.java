package io.recsys4j.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PointwiseMetricsTest {
    @Test
    void accuracy_atThreshold() {
        double[] s = {0.9, 0.5, 0.2, 0.7};
        int[] y = {1, 0, 0, 0};
        // 0.9>=0.5 & 1 right; 0.5>=0.5 & 0 wrong; 0.2 & 0 right; 0.7 & 0 wrong
        assertEquals(0.5, PointwiseMetrics.accuracy(s, y, 0.5), 1e-15);
    }

    @Test
    void aucGlobal_withTies_handComputed() {
        double[] s = {0.8, 0.4, 0.4, 0.1};
        int[] y = {1, 1, 0, 0};
        // pos 0.8 beats both negatives (2); pos 0.4 ties 0.4 (0.5) and beats 0.1 (1) -> 3.5 / 4
        assertEquals(0.875, PointwiseMetrics.aucGlobal(s, y), 1e-15);
    }

    @Test
    void aucGlobal_oneClass_isUndefined() {
        assertTrue(Double.isNaN(PointwiseMetrics.aucGlobal(new double[] {1, 2}, new int[] {1, 1})));
    }

    @Test
    void badInput_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> PointwiseMetrics.accuracy(new double[] {}, new int[] {}, 0.5));
        assertThrows(IllegalArgumentException.class, () -> PointwiseMetrics.accuracy(new double[] {1}, new int[] {2}, 0.5));
        assertThrows(IllegalArgumentException.class, () -> PointwiseMetrics.aucGlobal(new double[] {1, 2}, new int[] {1}));
    }

    @Test
    void aucGlobal_equalsTheMidRankFormula_exactly_onRandomTies() {
        // The Mann-Whitney form written independently: (sum of positive mid-ranks - P(P+1)/2) / (P·N).
        java.util.SplittableRandom r = new java.util.SplittableRandom(4);
        for (int trial = 0; trial < 100; trial++) {
            int n = 2 + r.nextInt(60);
            double[] s = new double[n];
            int[] y = new int[n];
            for (int k = 0; k < n; k++) {
                s[k] = r.nextInt(7) / 2.0;
                y[k] = r.nextInt(2);
            }
            y[0] = 1;
            y[1] = 0;
            double rankSum = 0;
            long pos = 0;
            for (int k = 0; k < n; k++) {
                if (y[k] == 1) {
                    double below = 0;
                    double equal = 0;
                    for (double x : s) {
                        below += x < s[k] ? 1 : 0;
                        equal += x == s[k] ? 1 : 0;
                    }
                    rankSum += below + (equal + 1) / 2.0;
                    pos++;
                }
            }
            double want = (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * (n - pos));
            assertEquals(want, PointwiseMetrics.aucGlobal(s, y), 0.0, "trial " + trial);
        }
    }
}
