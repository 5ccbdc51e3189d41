package io.recsys4j.eval.metrics;

import java.util.Arrays;

/**
 * Area under the ROC curve, the one implementation in the library (the evaluator's
 * per-user {@code auc} and the point-wise {@code auc_global} both call it).
 *
 * <p>Definition (see {@code docs/metrics.md}): over P positives and N negatives,
 * {@code AUC = (1 / (P·N)) · Σ_{p, n} [s_p > s_n] + ½·[s_p = s_n]}, the share of
 * (positive, negative) pairs in which the positive scores higher, a tie counting 1/2. This is
 * the Mann-Whitney U statistic divided by {@code P·N}; it is computed from the sorted
 * positives, never by enumerating pairs: O(P log P + N log P). Scores must not be NaN.
 */
public final class Auc {
    /** Up to this many positives a linear count beats a binary search (branch-free, in cache). */
    private static final int LINEAR_MAX = 16;

    private Auc() {
    }

    /**
     * AUC of {@code positives} against {@code negatives}.
     *
     * @return NaN if either side is empty
     */
    public static double of(double[] positives, double[] negatives) {
        return of(positives, positives.length, negatives, negatives.length);
    }

    /**
     * AUC of {@code positives[0 .. p)} against {@code negatives[0 .. n)}; neither array is
     * modified, so callers can reuse buffers.
     *
     * @return NaN if either side is empty
     * @throws IllegalArgumentException if a count is negative or exceeds its array
     */
    public static double of(double[] positives, int p, double[] negatives, int n) {
        if (p < 0 || p > positives.length || n < 0 || n > negatives.length) {
            throw new IllegalArgumentException("counts " + p + " and " + n + " do not fit arrays of "
                    + positives.length + " and " + negatives.length);
        }
        if (p == 0 || n == 0) {
            return Double.NaN;
        }
        double[] pos = Arrays.copyOf(positives, p);
        Arrays.sort(pos);
        double min = pos[0];
        double max = pos[p - 1];
        double correct = 0;
        for (int k = 0; k < n; k++) {
            double s = negatives[k];
            if (s < min) {
                correct += p;
            } else if (s <= max) {
                correct += p <= LINEAR_MAX ? pairsAboveLinear(pos, s) : pairsAbove(pos, s);
            }
        }
        return correct / ((double) p * n);
    }

    /**
     * Number of {@code sortedPositives} (ascending) above {@code s}, plus half of those equal
     * to it: the correctly ordered pairs a negative scoring {@code s} forms.
     */
    private static double pairsAbove(double[] sortedPositives, double s) {
        int lo = lowerBound(sortedPositives, s);
        int hi = upperBound(sortedPositives, s, lo);
        return (sortedPositives.length - hi) + 0.5 * (hi - lo);
    }

    private static double pairsAboveLinear(double[] positives, double s) {
        int above = 0;
        int equal = 0;
        for (double x : positives) {
            above += x > s ? 1 : 0;
            equal += x == s ? 1 : 0;
        }
        return above + 0.5 * equal;
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
