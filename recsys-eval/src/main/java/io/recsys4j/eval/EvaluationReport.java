package io.recsys4j.eval;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-user and mean results of an evaluation. Means are macro averages over the evaluated
 * users (those with a non-empty ground truth); {@code auc} averages only over the users
 * for whom it is defined (at least one positive and one negative candidate). With the training
 * popularity (always for a model's evaluation, for a run file when given) the report also
 * has the exposure metrics: per user {@code avgpop@K}, {@code novelty@K}, {@code tailshare@K},
 * and over all evaluated users' lists together {@link #coverage} and {@link #gini}. Immutable.
 */
public final class EvaluationReport {
    private final MetricLayout layout;
    private final List<String> userIds;
    private final double[][] rows;   // [user][metric]
    private final int[][] lists;     // [user] top item indices, with popularity only

    EvaluationReport(MetricLayout layout, List<String> userIds, double[][] rows) {
        this(layout, userIds, rows, null);
    }

    EvaluationReport(MetricLayout layout, List<String> userIds, double[][] rows, int[][] lists) {
        if ((layout.popularity() != null) != (lists != null)) {
            throw new IllegalArgumentException("the exposure metrics need both the popularity and the lists");
        }
        this.layout = layout;
        this.userIds = List.copyOf(userIds);
        this.rows = rows;
        this.lists = lists;
    }

    /** Whether the report has the exposure metrics (it was given the training popularity). */
    public boolean hasExposure() {
        return lists != null;
    }

    /**
     * Item coverage@K: the share of the catalogue in at least one evaluated user's top-K list.
     *
     * @throws IllegalArgumentException if K is not a cut-off of the report
     * @throws IllegalStateException if the report has no exposure metrics
     */
    public double coverage(int k) {
        return io.recsys4j.eval.metrics.ExposureMetrics.coverage(recommendationCounts(k));
    }

    /**
     * Gini index@K of how often each catalogue item appears in the evaluated users' top-K
     * lists (0: equal exposure; towards 1: a few items everywhere); NaN with no lists.
     *
     * @throws IllegalArgumentException if K is not a cut-off of the report
     * @throws IllegalStateException if the report has no exposure metrics
     */
    public double gini(int k) {
        return io.recsys4j.eval.metrics.ExposureMetrics.gini(recommendationCounts(k));
    }

    private int[] recommendationCounts(int k) {
        if (lists == null) {
            throw new IllegalStateException("this report has no exposure metrics: evaluate with the training popularity");
        }
        if (Arrays.binarySearch(layout.ks(), k) < 0) {
            throw new IllegalArgumentException("K = " + k + " is not a cut-off of this report: " + Arrays.toString(layout.ks()));
        }
        int[] counts = new int[layout.popularity().numItems()];
        for (int[] list : lists) {
            for (int j = 0, n = Math.min(k, list.length); j < n; j++) {
                counts[list[j]]++;
            }
        }
        return counts;
    }

    /**
     * Every mean by metric name, then (with exposure) {@code coverage@K} and {@code gini@K},
     * then {@code users}: what a report file holds.
     */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>(means());
        if (lists != null) {
            for (int k : layout.ks()) {
                m.put("coverage@" + k, coverage(k));
            }
            for (int k : layout.ks()) {
                m.put("gini@" + k, gini(k));
            }
        }
        m.put("users", users());
        return m;
    }

    /** The cut-offs, ascending. */
    public int[] ks() {
        return layout.ks();
    }

    /** Metric names, e.g. {@code "ndcg@20"}, in report order. */
    public List<String> metricNames() {
        return layout.names();
    }

    /** Number of evaluated users (users with ground truth). */
    public int users() {
        return userIds.size();
    }

    /** External ids of the evaluated users, in the order of {@link #perUser}. */
    public List<String> userIds() {
        return userIds;
    }

    /**
     * The metric's value for every evaluated user (NaN where undefined, as {@code auc} can be).
     *
     * @throws IllegalArgumentException for an unknown metric name
     */
    public double[] perUser(String metric) {
        int c = column(metric);
        double[] out = new double[rows.length];
        for (int u = 0; u < rows.length; u++) {
            out[u] = rows[u][c];
        }
        return out;
    }

    /**
     * The same report over the evaluated users {@code keep} accepts (a degree bucket, a market):
     * their per-user values unchanged, so means and {@link PairedDifference}s of sub-reports are
     * those of that group.
     */
    public EvaluationReport forUsers(java.util.function.Predicate<String> keep) {
        List<String> ids = new java.util.ArrayList<>();
        List<double[]> kept = new java.util.ArrayList<>();
        List<int[]> keptLists = new java.util.ArrayList<>();
        for (int u = 0; u < rows.length; u++) {
            if (keep.test(userIds.get(u))) {
                ids.add(userIds.get(u));
                kept.add(rows[u]);
                if (lists != null) {
                    keptLists.add(lists[u]);
                }
            }
        }
        return new EvaluationReport(layout, ids, kept.toArray(new double[0][]),
                lists == null ? null : keptLists.toArray(new int[0][]));
    }

    /** Mean over the users for whom the metric is defined; NaN if none. */
    public double mean(String metric) {
        int c = column(metric);
        double sum = 0;
        int n = 0;
        for (double[] row : rows) {
            if (!Double.isNaN(row[c])) {
                sum += row[c];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Number of users over which {@link #mean} averages the metric. */
    public int count(String metric) {
        int c = column(metric);
        return (int) Arrays.stream(rows).filter(r -> !Double.isNaN(r[c])).count();
    }

    /** Every mean by metric name, in report order. */
    public Map<String, Double> means() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String name : layout.names()) {
            m.put(name, mean(name));
        }
        return m;
    }

    private int column(String metric) {
        int c = layout.names().indexOf(metric);
        if (c < 0) {
            throw new IllegalArgumentException("unknown metric '" + metric + "'; known: " + layout.names());
        }
        return c;
    }

    /** A readable table: one row per metric, one column per K, then auc. */
    public String toTable() {
        int[] ks = layout.ks();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-10s", "metric"));
        for (int k : ks) {
            sb.append(String.format(Locale.ROOT, "%10s", "@" + k));
        }
        sb.append('\n');
        for (String m : MetricLayout.AT_K) {
            sb.append(String.format(Locale.ROOT, "%-10s", m));
            for (int k : ks) {
                sb.append(String.format(Locale.ROOT, "%10.4f", mean(m + "@" + k)));
            }
            sb.append('\n');
        }
        if (lists != null) {
            for (String m : MetricLayout.EXPOSURE_AT_K) {
                sb.append(String.format(Locale.ROOT, "%-10s", m));
                for (int k : ks) {
                    double v = mean(m + "@" + k);
                    sb.append(String.format(Locale.ROOT, m.equals("avgpop") ? "%10.1f" : "%10.4f", v));
                }
                sb.append('\n');
            }
            sb.append(String.format(Locale.ROOT, "%-10s", "coverage"));
            for (int k : ks) {
                sb.append(String.format(Locale.ROOT, "%10.4f", coverage(k)));
            }
            sb.append('\n').append(String.format(Locale.ROOT, "%-10s", "gini"));
            for (int k : ks) {
                sb.append(String.format(Locale.ROOT, "%10.4f", gini(k)));
            }
            ItemPopularity pop = layout.popularity();
            sb.append(String.format(Locale.ROOT, "%n(tail: the %d least popular of %d items, holding at most %.0f%% of the training "
                    + "interactions; coverage and gini over all users' lists)%n", pop.tailSize(), pop.numItems(),
                    100 * pop.tailShare()));
        }
        if (count(MetricLayout.AUC) > 0) {
            sb.append(String.format(Locale.ROOT, "%-10s%10.4f  (over %d users with a positive and a negative candidate)%n",
                    "auc", mean(MetricLayout.AUC), count(MetricLayout.AUC)));
        } else {
            sb.append(String.format(Locale.ROOT, "%-10s%10s  (not computed, or no user with a positive and a negative candidate)%n",
                    "auc", "n/a"));
        }
        sb.append(String.format(Locale.ROOT, "users     %10d  (with ground truth; f1 is averaged per user)%n", users()));
        return sb.toString();
    }

    @Override
    public String toString() {
        return "EvaluationReport" + means();
    }
}
