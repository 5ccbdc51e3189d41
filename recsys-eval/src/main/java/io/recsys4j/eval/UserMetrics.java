package io.recsys4j.eval;

import io.recsys4j.eval.metrics.Auc;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One user's metric row as {@link RunEvaluator} computes it ({@code docs/metrics.md}): for each
 * cut-off {@code precision@K, recall@K, f1@K, hit@K, ndcg@K, mrr@K}, then {@code auc}. For
 * engines that group a run by user themselves (Spark) and need exactly the library's
 * definitions; the mean of a metric is over the users for whom it is defined (not NaN).
 * Immutable, serialisable and thread-safe.
 */
public final class UserMetrics implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int[] ks;
    private transient MetricLayout layout;

    /**
     * Metrics at the given cut-offs.
     *
     * @throws IllegalArgumentException if no cut-off is given or one is below 1
     */
    public UserMetrics(int... ks) {
        this.layout = new MetricLayout(ks);
        this.ks = layout.ks();
    }

    private MetricLayout layout() {
        if (layout == null) {
            layout = new MetricLayout(ks);   // after deserialisation
        }
        return layout;
    }

    /** The metric names, in row order. */
    public List<String> names() {
        return layout().names();
    }

    /**
     * The row of a user with a non-empty truth.
     *
     * @param ranking the user's recommended items, best first (may be empty: all miss)
     * @param scores their scores, as long as {@code ranking} (for {@code auc})
     * @throws IllegalArgumentException if the truth is empty or the lengths differ
     */
    public double[] of(List<String> ranking, double[] scores, Set<String> truth) {
        double[] row = new double[layout().width()];
        fill(layout(), row, ranking, scores, truth, null);
        return row;
    }

    /**
     * Fills {@code row}; returns the indices (in {@code index}) of the ranked items up to the
     * largest cut-off, for the exposure columns, or zeros when {@code index} is null.
     */
    static int[] fill(MetricLayout layout, double[] row, List<String> ranking, double[] scores, Set<String> truth,
                      Map<String, Integer> index) {
        if (truth.isEmpty()) {
            throw new IllegalArgumentException("a user without truth has no metrics (they are skipped)");
        }
        if (scores.length != ranking.size()) {
            throw new IllegalArgumentException(scores.length + " scores for " + ranking.size() + " ranked items");
        }
        int n = Math.min(layout.maxK(), ranking.size());
        boolean[] rel = new boolean[n];
        for (int j = 0; j < n; j++) {
            rel[j] = truth.contains(ranking.get(j));
        }
        int p = 0;
        for (String item : ranking) {
            p += truth.contains(item) ? 1 : 0;
        }
        double[] pos = new double[p];
        double[] neg = new double[ranking.size() - p];
        int a = 0;
        int b = 0;
        for (int j = 0; j < ranking.size(); j++) {
            if (truth.contains(ranking.get(j))) {
                pos[a++] = scores[j];
            } else {
                neg[b++] = scores[j];
            }
        }
        int[] list = new int[n];
        if (index != null) {
            for (int j = 0; j < n; j++) {
                list[j] = index.get(ranking.get(j));
            }
        }
        layout.fill(row, rel, truth.size(), Auc.of(pos, neg), list);
        return list;
    }
}
