package io.recsys4j.eval.metrics;

/**
 * The per-user top-K metrics of docs/metrics.md, each one formula. {@code rel[j]} says whether
 * the item at 1-based position {@code j+1} of the ranking is relevant; {@code rel} may be
 * shorter than K when the ranking is.
 */
public final class RankingMetrics {
    private RankingMetrics() {
    }

    /** Relevant items among the first {@code k} positions. */
    public static int hits(boolean[] rel, int k) {
        int h = 0;
        for (int j = 0, n = Math.min(k, rel.length); j < n; j++) {
            h += rel[j] ? 1 : 0;
        }
        return h;
    }

    /** {@code hits / K}: divided by K even when the ranking is shorter. */
    public static double precision(int hits, int k) {
        return (double) hits / k;
    }

    /** {@code hits / |T_u|}. */
    public static double recall(int hits, int truthSize) {
        return (double) hits / truthSize;
    }

    /** {@code 2PR / (P + R)}, 0 when both are 0. */
    public static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /** 1 if the first K hold a relevant item, else 0. */
    public static double hit(int hits) {
        return hits > 0 ? 1 : 0;
    }

    /**
     * {@code DCG / IDCG} with binary relevance: {@code DCG = Σ_{i≤K} rel_i / log2(i+1)},
     * {@code IDCG = Σ_{i ≤ min(|T_u|, K)} 1 / log2(i+1)}, positions 1-based.
     */
    public static double ndcg(boolean[] rel, int truthSize, int k) {
        double dcg = 0;
        for (int j = 0, n = Math.min(k, rel.length); j < n; j++) {
            if (rel[j]) {
                dcg += discount(j + 1);
            }
        }
        double idcg = 0;
        for (int i = 1, n = Math.min(truthSize, k); i <= n; i++) {
            idcg += discount(i);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    /** {@code 1 / rank} of the first relevant item within the first K, 0 if none. */
    public static double mrr(boolean[] rel, int k) {
        for (int j = 0, n = Math.min(k, rel.length); j < n; j++) {
            if (rel[j]) {
                return 1.0 / (j + 1);
            }
        }
        return 0;
    }

    /** {@code 1 / log2(position + 1)} for a 1-based position. */
    static double discount(int position) {
        return 1.0 / (Math.log(position + 1) / Math.log(2));
    }
}
