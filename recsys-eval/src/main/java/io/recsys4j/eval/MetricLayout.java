package io.recsys4j.eval;

import io.recsys4j.eval.metrics.RankingMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The columns of a per-user result row: {@code precision@K, recall@K, f1@K, hit@K, ndcg@K,
 * mrr@K} for each cut-off, then {@code auc}. Immutable.
 */
final class MetricLayout {
    static final String[] AT_K = {"precision", "recall", "f1", "hit", "ndcg", "mrr"};
    static final String AUC = "auc";

    private final int[] ks;
    private final List<String> names;

    MetricLayout(int[] ks) {
        if (ks.length == 0) {
            throw new IllegalArgumentException("at least one cut-off K is needed");
        }
        int[] sorted = Arrays.stream(ks).distinct().sorted().toArray();
        for (int k : sorted) {
            if (k < 1) {
                throw new IllegalArgumentException("cut-offs must be >= 1, found " + k);
            }
        }
        this.ks = sorted;
        List<String> n = new ArrayList<>();
        for (String m : AT_K) {
            for (int k : sorted) {
                n.add(m + "@" + k);
            }
        }
        n.add(AUC);
        this.names = List.copyOf(n);
    }

    int[] ks() {
        return ks.clone();
    }

    int maxK() {
        return ks[ks.length - 1];
    }

    List<String> names() {
        return names;
    }

    int width() {
        return names.size();
    }

    /**
     * Fills one user's row.
     *
     * @param rel relevance of the ranked positions, at least {@code min(maxK, list length)} long
     * @param truthSize |T_u| >= 1
     * @param auc the user's AUC, NaN when undefined
     */
    void fill(double[] row, boolean[] rel, int truthSize, double auc) {
        int nk = ks.length;
        for (int j = 0; j < nk; j++) {
            int k = ks[j];
            int hits = RankingMetrics.hits(rel, k);
            double p = RankingMetrics.precision(hits, k);
            double r = RankingMetrics.recall(hits, truthSize);
            row[j] = p;
            row[nk + j] = r;
            row[2 * nk + j] = RankingMetrics.f1(p, r);
            row[3 * nk + j] = RankingMetrics.hit(hits);
            row[4 * nk + j] = RankingMetrics.ndcg(rel, truthSize, k);
            row[5 * nk + j] = RankingMetrics.mrr(rel, k);
        }
        row[6 * nk] = auc;
    }
}
