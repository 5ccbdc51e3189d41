package io.recsys4j.eval;

import io.recsys4j.eval.metrics.Auc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates another system's ranked output against a ground truth with the definitions of
 * docs/metrics.md. Users with no truth are skipped; users with truth but no ranking count as
 * all-miss. {@code auc} takes the truth items in the user's ranking as positives and the
 * user's other ranked items as negatives, and is undefined (left out of its mean) for users
 * without both.
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
        List<String> users = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (var e : truth.entrySet()) {
            Set<String> t = e.getValue();
            if (t.isEmpty()) {
                continue;
            }
            List<String> ranking = run.ranking(e.getKey());
            double[] scores = run.scores(e.getKey());
            int n = Math.min(layout.maxK(), ranking.size());
            boolean[] rel = new boolean[n];
            for (int j = 0; j < n; j++) {
                rel[j] = t.contains(ranking.get(j));
            }
            int p = 0;
            for (String item : ranking) {
                p += t.contains(item) ? 1 : 0;
            }
            double[] pos = new double[p];
            double[] neg = new double[ranking.size() - p];
            int a = 0;
            int b = 0;
            for (int j = 0; j < ranking.size(); j++) {
                if (t.contains(ranking.get(j))) {
                    pos[a++] = scores[j];
                } else {
                    neg[b++] = scores[j];
                }
            }
            double[] row = new double[layout.width()];
            layout.fill(row, rel, t.size(), Auc.of(pos, neg));
            users.add(e.getKey());
            rows.add(row);
        }
        return new EvaluationReport(layout, users, rows.toArray(new double[0][]));
    }
}
