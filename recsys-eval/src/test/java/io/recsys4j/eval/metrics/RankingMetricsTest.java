package io.recsys4j.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RankingMetricsTest {
    private static final double EPS = 1e-6;

    /** docs/metrics.md, worked example: ranking [a, b, c, d, e], truth {b, e, z}, K = 3. */
    @Test
    void workedExample_ofMetricsMd() {
        boolean[] rel = {false, true, false, false, true};
        int truth = 3;
        int hits = RankingMetrics.hits(rel, 3);
        assertEquals(1, hits);
        double p = RankingMetrics.precision(hits, 3);
        double r = RankingMetrics.recall(hits, truth);
        assertEquals(1.0 / 3, p, 1e-15);
        assertEquals(1.0 / 3, r, 1e-15);
        assertEquals(1.0 / 3, RankingMetrics.f1(p, r), 1e-15);
        assertEquals(1.0, RankingMetrics.hit(hits));
        assertEquals(0.296082, RankingMetrics.ndcg(rel, truth, 3), EPS);
        assertEquals(0.5, RankingMetrics.mrr(rel, 3));
    }

    @Test
    void ndcg_handComputedAtK5() {
        boolean[] rel = {false, true, false, false, true};
        double dcg = 1 / log2(3) + 1 / log2(6);
        double idcg = 1 + 1 / log2(3) + 1 / log2(4);
        assertEquals(dcg / idcg, RankingMetrics.ndcg(rel, 3, 5), 1e-15);
    }

    @Test
    void kLargerThanTheList_dividesPrecisionByK() {
        boolean[] rel = {true, false};
        assertEquals(1, RankingMetrics.hits(rel, 10));
        assertEquals(0.1, RankingMetrics.precision(1, 10), 1e-15);
        // IDCG still counts min(|T|, K) = 2 ideal positions.
        assertEquals(1 / (1 + 1 / log2(3)), RankingMetrics.ndcg(rel, 2, 10), 1e-15);
    }

    @Test
    void emptyRanking_isAllZero() {
        boolean[] rel = {};
        assertEquals(0, RankingMetrics.hits(rel, 5));
        assertEquals(0, RankingMetrics.ndcg(rel, 2, 5));
        assertEquals(0, RankingMetrics.mrr(rel, 5));
        assertEquals(0, RankingMetrics.f1(0, 0));
    }

    @Test
    void mrr_ignoresHitsBeyondK() {
        assertEquals(0, RankingMetrics.mrr(new boolean[] {false, false, true}, 2));
        assertEquals(1.0 / 3, RankingMetrics.mrr(new boolean[] {false, false, true}, 3), 1e-15);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
