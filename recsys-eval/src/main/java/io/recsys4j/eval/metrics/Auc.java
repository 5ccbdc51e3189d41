package io.recsys4j.eval.metrics;

import java.util.Arrays;

/**
 * Area under the ROC curve: the share of (positive, negative) pairs in which the positive
 * scores higher, a tie counting 1/2 (the Mann-Whitney U statistic over {@code P·N}).
 * Computed from ranks, never by enumerating pairs.
 */
public final class Auc {
    private Auc() {
    }

    /**
     * AUC of {@code positives} against {@code negatives}: O((P + N) log P).
     *
     * @return NaN if either side is empty
     */
    public static double of(double[] positives, double[] negatives) {
        if (positives.length == 0 || negatives.length == 0) {
            return Double.NaN;
        }
        double[] pos = positives.clone();
        Arrays.sort(pos);
        double correct = 0;
        for (double s : negatives) {
            correct += pairsAbove(pos, s);
        }
        return correct / ((double) positives.length * negatives.length);
    }

    /**
     * Number of {@code sortedPositives} (ascending) above {@code s}, plus half of those equal
     * to it: the correctly ordered pairs this negative forms.
     */
    public static double pairsAbove(double[] sortedPositives, double s) {
        int lo = lowerBound(sortedPositives, s);
        int hi = upperBound(sortedPositives, s, lo);
        return (sortedPositives.length - hi) + 0.5 * (hi - lo);
    }

    private static int lowerBound(double[] a, double s) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (a[m] < s) {
                lo = m + 1;
            } else {
                hi = m;
            }
        }
        return lo;
    }

    private static int upperBound(double[] a, double s, int from) {
        int lo = from;
        int hi = a.length;
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (a[m] <= s) {
                lo = m + 1;
            } else {
                hi = m;
            }
        }
        return lo;
    }
}
