package io.recsys4j.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates another system's ranked output against a ground truth with the definitions of
 * {@code docs/metrics.md}. Users with no truth are skipped; users with truth but no ranking
 * count as all-miss. {@code auc} takes the truth items in the user's ranking as positives and the
 * user's other ranked items as negatives, and is undefined (left out of its mean) for users
 * without both. Given the training pairs as well, the report has the exposure metrics over the
 * catalogue of every item the training pairs, the truth or the run name.
 */
public final class RunEvaluator {
    private final MetricLayout layout;

    /**
     * An evaluator at the given cut-offs.
     *
     * @throws IllegalArgumentException if no cut-off is given or one is below 1
     */
    public RunEvaluator(int... ks) {
        this.layout = new MetricLayout(ks);
    }

    /** Evaluates {@code run} against {@code truth} (item sets by user). */
    public EvaluationReport evaluate(RunFile run, Map<String, Set<String>> truth) {
        return evaluate(run, truth, null, ItemPopularity.DEFAULT_TAIL_SHARE);
    }

    /**
     * As {@link #evaluate(RunFile, Map)}, with the exposure metrics: the popularity of an item is
     * the number of users who have it in {@code train}.
     *
     * @param train training item sets by user, or null for no exposure metrics
     * @param tailShare the share of the training interactions the long tail holds
     */
    public EvaluationReport evaluate(RunFile run, Map<String, Set<String>> truth, Map<String, Set<String>> train,
                                     double tailShare) {
        Map<String, Integer> index = new java.util.HashMap<>();
        ItemPopularity popularity = null;
        if (train != null) {
            java.util.function.Consumer<String> add = i -> index.putIfAbsent(i, index.size());
            train.values().forEach(s -> s.forEach(add));
            truth.values().forEach(s -> s.forEach(add));
            for (String u : run.users()) {
                run.ranking(u).forEach(add);
            }
            int[] counts = new int[index.size()];
            int active = 0;
            for (Set<String> s : train.values()) {
                active += s.isEmpty() ? 0 : 1;
                for (String i : s) {
                    counts[index.get(i)]++;
                }
            }
            popularity = ItemPopularity.of(counts, Math.max(1, active), tailShare);
        }
        MetricLayout layout = new MetricLayout(this.layout.ks(), popularity);
        List<int[]> lists = new ArrayList<>();
        List<String> users = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (var e : truth.entrySet()) {
            Set<String> t = e.getValue();
            if (t.isEmpty()) {
                continue;
            }
            double[] row = new double[layout.width()];
            int[] list = UserMetrics.fill(layout, row, run.ranking(e.getKey()), run.scores(e.getKey()), t,
                    popularity == null ? null : index);
            if (popularity != null) {
                lists.add(list);
            }
            users.add(e.getKey());
            rows.add(row);
        }
        return new EvaluationReport(layout, users, rows.toArray(new double[0][]),
                popularity == null ? null : lists.toArray(new int[0][]));
    }
}
