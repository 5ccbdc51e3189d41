package io.recsys4j.eval;

import io.recsys4j.eval.metrics.ExposureMetrics;
import io.recsys4j.eval.metrics.RankingMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The columns of a per-user result row: {@code precision@K, recall@K, f1@K, hit@K, ndcg@K,
 * mrr@K} for each cut-off, with popularity also {@code avgpop@K, novelty@K, tailshare@K}, then
 * {@code auc}. Immutable.
 */
final class MetricLayout {
    static final String[] AT_K = {"precision", "recall", "f1", "hit", "ndcg", "mrr"};
    static final String[] EXPOSURE_AT_K = {"avgpop", "novelty", "tailshare"};
    static final String AUC = "auc";

    private final int[] ks;
    private final List<String> names;
    private final ItemPopularity popularity;

    MetricLayout(int[] ks) {
        this(ks, null);
    }

    /** @param popularity the training popularity for the exposure columns, or null for none */
    MetricLayout(int[] ks, ItemPopularity popularity) {
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
        if (popularity != null) {
            for (String m : EXPOSURE_AT_K) {
                for (int k : sorted) {
                    n.add(m + "@" + k);
                }
            }
        }
        n.add(AUC);
        this.popularity = popularity;
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

    /** The popularity behind the exposure columns, or null. */
    ItemPopularity popularity() {
        return popularity;
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
     * @param items the ranked item indices, as long as {@code rel}; read only with popularity
     */
    void fill(double[] row, boolean[] rel, int truthSize, double auc, int[] items) {
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
        int at = 6 * nk;
        if (popularity != null) {
            for (int j = 0; j < nk; j++) {
                // Means over the items actually listed: a list shorter than K is not diluted by
                // slots it does not have, and an empty one is undefined (NaN, out of the mean).
                int n = Math.min(ks[j], rel.length);
                double pop = 0;
                double nov = 0;
                int tail = 0;
                for (int q = 0; q < n; q++) {
                    int c = popularity.count(items[q]);
                    pop += c;
                    nov += ExposureMetrics.novelty(c, popularity.users());
                    tail += popularity.inTail(items[q]) ? 1 : 0;
                }
                row[at + j] = n == 0 ? Double.NaN : pop / n;
                row[at + nk + j] = n == 0 ? Double.NaN : nov / n;
                row[at + 2 * nk + j] = n == 0 ? Double.NaN : (double) tail / n;
            }
            at += 3 * nk;
        }
        row[at] = auc;
    }
}
