package io.recsys4j.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The per-user difference of one metric between two evaluations of the same users, with a
 * 95% confidence interval: the question "does model A beat model B, or is the gap noise?".
 * Users are matched by id; a user present in only one report, or with the metric undefined
 * (NaN) in either, is left out and counted in {@link #dropped()}.
 *
 * <p>The interval is the normal approximation {@code mean ± 1.96 · sd / sqrt(n)} with the
 * sample standard deviation of the differences (the paired t-test's large-sample form; the
 * users of a recommender evaluation number in the hundreds or more). Immutable.
 */
public final class PairedDifference {
    private static final double Z95 = 1.959963984540054;

    private final String metric;
    private final int users;
    private final int dropped;
    private final double mean;
    private final double standardError;

    private PairedDifference(String metric, int users, int dropped, double mean, double standardError) {
        this.metric = metric;
        this.users = users;
        this.dropped = dropped;
        this.mean = mean;
        this.standardError = standardError;
    }

    /**
     * Compares {@code a} with {@code b} on {@code metric}: the differences are {@code a - b}.
     *
     * @throws IllegalArgumentException for a metric either report lacks, or fewer than two
     *     users in common with the metric defined
     */
    public static PairedDifference of(EvaluationReport a, EvaluationReport b, String metric) {
        double[] va = a.perUser(metric);
        double[] vb = b.perUser(metric);
        List<String> idsB = b.userIds();
        Map<String, Integer> rowB = new HashMap<>(idsB.size() * 2);
        for (int r = 0; r < idsB.size(); r++) {
            rowB.put(idsB.get(r), r);
        }
        List<String> idsA = a.userIds();
        double[] d = new double[idsA.size()];
        int n = 0;
        int common = 0;
        for (int r = 0; r < idsA.size(); r++) {
            Integer s = rowB.get(idsA.get(r));
            common += s == null ? 0 : 1;
            if (s != null && !Double.isNaN(va[r]) && !Double.isNaN(vb[s])) {
                d[n++] = va[r] - vb[s];
            }
        }
        if (n < 2) {
            throw new IllegalArgumentException("need at least two users with " + metric
                    + " defined in both reports, found " + n);
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += d[k];
        }
        double mean = sum / n;
        double ss = 0;
        for (int k = 0; k < n; k++) {
            ss += (d[k] - mean) * (d[k] - mean);
        }
        double se = Math.sqrt(ss / (n - 1) / n);
        int dropped = idsA.size() + idsB.size() - common - n;
        return new PairedDifference(metric, n, dropped, mean, se);
    }

    /** The metric compared. */
    public String metric() {
        return metric;
    }

    /** Users in the comparison. */
    public int users() {
        return users;
    }

    /** Users of either report left out (in one report only, or metric undefined). */
    public int dropped() {
        return dropped;
    }

    /** Mean of {@code a - b} over the users. */
    public double mean() {
        return mean;
    }

    /** Standard error of {@link #mean()}. */
    public double standardError() {
        return standardError;
    }

    /** Lower end of the 95% confidence interval of the mean difference. */
    public double low() {
        return mean - Z95 * standardError;
    }

    /** Upper end of the 95% confidence interval of the mean difference. */
    public double high() {
        return mean + Z95 * standardError;
    }

    /** True when the whole interval is above zero: {@code a} is better at the 95% level. */
    public boolean aIsBetter() {
        return low() > 0;
    }

    /** True when the whole interval is below zero: {@code b} is better at the 95% level. */
    public boolean bIsBetter() {
        return high() < 0;
    }

    /** E.g. {@code "+0.0123 [+0.0050, +0.0196]"}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%+.4f [%+.4f, %+.4f]", mean, low(), high());
    }
}
