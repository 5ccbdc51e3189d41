package io.recsys4j.eval;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-user and mean results of an evaluation. Means are macro averages over the evaluated
 * users (those with a non-empty ground truth); {@code auc} averages only over the users
 * for whom it is defined (at least one positive and one negative candidate). Immutable.
 */
public final class EvaluationReport {
    private final MetricLayout layout;
    private final List<String> userIds;
    private final double[][] rows;   // [user][metric]

    EvaluationReport(MetricLayout layout, List<String> userIds, double[][] rows) {
        this.layout = layout;
        this.userIds = List.copyOf(userIds);
        this.rows = rows;
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
        for (int u = 0; u < rows.length; u++) {
            if (keep.test(userIds.get(u))) {
                ids.add(userIds.get(u));
                kept.add(rows[u]);
            }
        }
        return new EvaluationReport(layout, ids, kept.toArray(new double[0][]));
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
