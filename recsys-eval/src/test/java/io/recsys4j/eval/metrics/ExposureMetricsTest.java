package io.recsys4j.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExposureMetricsTest {
    @Test
    void coverageAndGini_matchHandComputedValues() {
        // Items 0..4 recommended 2, 1, 1, 0, 0 times.
        int[] counts = {2, 1, 1, 0, 0};
        assertEquals(0.6, ExposureMetrics.coverage(counts), 1e-12);
        // Sorted 0,0,1,1,2: Σ (2j - 6) c_(j) = 0 + 0 + 0 + 2 + 8 = 10, over n Σc = 5·4.
        assertEquals(0.5, ExposureMetrics.gini(counts), 1e-12);
        assertEquals(0.8, ExposureMetrics.gini(new int[] {0, 0, 0, 0, 2}), 1e-12);
        assertEquals(0.0, ExposureMetrics.gini(new int[] {3, 3, 3}), 1e-12, "equal exposure");
        assertTrue(Double.isNaN(ExposureMetrics.gini(new int[] {0, 0})), "nothing recommended");
    }

    @Test
    void novelty_isSelfInformationInBits_withUnseenItemsAsOneUser() {
        assertEquals(0.0, ExposureMetrics.novelty(4, 4), 1e-12);
        assertEquals(1.0, ExposureMetrics.novelty(2, 4), 1e-12);
        assertEquals(2.0, ExposureMetrics.novelty(1, 4), 1e-12);
        assertEquals(2.0, ExposureMetrics.novelty(0, 4), 1e-12);
    }

    @Test
    void tail_isTheLeastPopularPrefixWithinTheShare() {
        int[] pop = {4, 2, 1, 1, 0};   // 8 interactions
        // 20%: 1.6 interactions; item 4 (0), item 2 (1) fit, item 3 would make 2.
        assertArrayEquals(new boolean[] {false, false, true, false, true}, ExposureMetrics.tail(pop, 0.2));
        // 25%: exactly 2 fit, ties broken by index (2 before 3).
        assertArrayEquals(new boolean[] {false, false, true, true, true}, ExposureMetrics.tail(pop, 0.25));
        assertArrayEquals(new boolean[] {false, false, false, false, true}, ExposureMetrics.tail(pop, 0.0));
        assertArrayEquals(new boolean[] {true, true, true, true, true}, ExposureMetrics.tail(pop, 1.0));
        assertThrows(IllegalArgumentException.class, () -> ExposureMetrics.tail(pop, 1.5));
    }
}
