package io.recsys4j.eval.metrics;

/** The point-wise metrics of {@code docs/metrics.md}, over scored {@code (user, item, label)} triples. */
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
     * ROC AUC over all triples together ({@code auc_global} of {@code docs/metrics.md}): the
     * label-1 triples are the positives, the others the negatives, a tie counting 1/2; see
     * {@link Auc}. O(n log n).
     *
     * @return NaN if all labels are equal
     * @throws IllegalArgumentException on empty input, differing lengths or a label not 0/1
     */
    public static double aucGlobal(double[] scores, int[] labels) {
        check(scores, labels);
        double[] pos = new double[scores.length];
        double[] neg = new double[scores.length];
        int p = 0;
        int n = 0;
        for (int k = 0; k < scores.length; k++) {
            if (labels[k] == 1) {
                pos[p++] = scores[k];
            } else {
                neg[n++] = scores[k];
            }
        }
        return Auc.of(pos, p, neg, n);
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
