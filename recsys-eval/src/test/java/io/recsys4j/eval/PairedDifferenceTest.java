package io.recsys4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PairedDifferenceTest {
    private static EvaluationReport report(List<String> users, double... auc) {
        MetricLayout layout = new MetricLayout(new int[] {1});
        double[][] rows = new double[users.size()][layout.width()];
        for (int u = 0; u < rows.length; u++) {
            rows[u][layout.names().indexOf("auc")] = auc[u];
        }
        return new EvaluationReport(layout, users, rows);
    }

    @Test
    void matchesUsersById_andGivesTheHandComputedInterval() {
        // a - b by user: u1 0.2, u2 0.1, u3 0.3, u4 0.2 (b lists the users in another order;
        // u5 is only in a, u6 is NaN in b). Mean 0.2, sample sd sqrt(0.02/3), se = sd / 2.
        EvaluationReport a = report(List.of("u1", "u2", "u3", "u4", "u5", "u6"), 0.9, 0.6, 0.8, 0.5, 0.7, 0.4);
        EvaluationReport b = report(List.of("u4", "u3", "u2", "u1", "u6"), 0.3, 0.5, 0.5, 0.7, Double.NaN);
        PairedDifference d = PairedDifference.of(a, b, "auc");
        double se = Math.sqrt(0.02 / 3) / 2;
        assertEquals(4, d.users());
        assertEquals(2, d.dropped(), "u5 (a only) and u6 (undefined in b)");
        assertEquals(0.2, d.mean(), 1e-12);
        assertEquals(se, d.standardError(), 1e-12);
        assertEquals(0.2 - 1.959964 * se, d.low(), 1e-6);
        assertEquals(0.2 + 1.959964 * se, d.high(), 1e-6);
        assertTrue(d.aIsBetter());
        assertFalse(d.bIsBetter());
        assertEquals("+0.2000 [+0.1200, +0.2800]", d.toString());
    }

    @Test
    void aSubReport_keepsItsUsersValues_andComparesAsThatGroup() {
        EvaluationReport a = report(List.of("u1", "u2", "u3", "u4"), 0.9, 0.6, 0.8, 0.5);
        EvaluationReport b = report(List.of("u1", "u2", "u3", "u4"), 0.3, 0.5, 0.5, 0.7);
        java.util.function.Predicate<String> odd = id -> id.equals("u1") || id.equals("u3");
        EvaluationReport sub = a.forUsers(odd);
        assertEquals(List.of("u1", "u3"), sub.userIds());
        assertEquals(0.85, sub.mean("auc"), 1e-12);
        PairedDifference d = PairedDifference.of(sub, b.forUsers(odd), "auc");
        assertEquals(2, d.users());
        assertEquals(0.45, d.mean(), 1e-12, "(0.6 + 0.3) / 2");
        assertEquals(0, a.forUsers(id -> false).users());
    }

    @Test
    void aNoisyGap_isNeitherWay() {
        EvaluationReport a = report(List.of("u1", "u2", "u3"), 0.9, 0.1, 0.5);
        EvaluationReport b = report(List.of("u1", "u2", "u3"), 0.1, 0.9, 0.5);
        PairedDifference d = PairedDifference.of(a, b, "auc");
        assertEquals(0, d.mean(), 1e-12);
        assertFalse(d.aIsBetter());
        assertFalse(d.bIsBetter());
        PairedDifference r = PairedDifference.of(b, a, "auc");
        assertEquals(d.high(), -r.low(), 1e-12, "swapping the reports mirrors the interval");
    }

    @Test
    void tooFewCommonUsers_orAnUnknownMetric_areRejected() {
        EvaluationReport a = report(List.of("u1", "u2"), 0.9, 0.1);
        EvaluationReport b = report(List.of("u2", "u3"), 0.1, 0.9);
        assertThrows(IllegalArgumentException.class, () -> PairedDifference.of(a, b, "auc"));
        assertThrows(IllegalArgumentException.class, () -> PairedDifference.of(a, a, "recall@20"));
    }
}
