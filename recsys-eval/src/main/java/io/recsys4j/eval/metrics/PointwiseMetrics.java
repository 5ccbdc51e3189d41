package io.recsys4j.eval.metrics;

import java.util.Arrays;

/** The point-wise metrics of docs/metrics.md, over scored {@code (user, item, label)} triples. */
public final class PointwiseMetrics {
    private PointwiseMetrics() {
    }

    /**
     * Share of triples with {@code (score >= threshold) == (label == 1)}.
     *
     * @throws IllegalArgumentException on empty input, differing lengths or a label not 0/1
     */
    public static double accuracy(double[] scores, int[] labels, double threshold) {
        check(scores, labels);
        int right = 0;
        for (int k = 0; k < scores.length; k++) {
            right += (scores[k] >= threshold) == (labels[k] == 1) ? 1 : 0;
        }
        return (double) right / scores.length;
    }

    /**
     * ROC AUC over all triples together: Mann-Whitney U with mid-ranks for ties (a tie
     * counts 1/2), divided by {@code P·N}. O(n log n).
     *
     * @return NaN if all labels are equal
     * @throws IllegalArgumentException on empty input, differing lengths or a label not 0/1
     */
    public static double aucGlobal(double[] scores, int[] labels) {
        check(scores, labels);
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSumPos = 0;
        long pos = 0;
        for (int k = 0; k < n; ) {
            int j = k;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[k]]) {
                j++;
            }
            double midRank = (k + j) / 2.0 + 1;
            for (int m = k; m <= j; m++) {
                if (labels[order[m]] == 1) {
                    rankSumPos += midRank;
                    pos++;
                }
            }
            k = j + 1;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    private static void check(double[] scores, int[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
        }
        if (scores.length == 0) {
            throw new IllegalArgumentException("no triples");
        }
        for (int k = 0; k < labels.length; k++) {
            if (labels[k] != 0 && labels[k] != 1) {
                throw new IllegalArgumentException("label at " + k + " must be 0 or 1, found " + labels[k]);
            }
            if (Double.isNaN(scores[k])) {
                throw new IllegalArgumentException("score at " + k + " is NaN");
            }
        }
    }
}
