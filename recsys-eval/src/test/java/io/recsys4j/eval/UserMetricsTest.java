package io.recsys4j.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserMetricsTest {
    @Test
    void row_isTheHandComputedOne_andWhatRunEvaluatorAverages() throws IOException, ClassNotFoundException {
        UserMetrics m = new UserMetrics(2);
        double[] row = m.of(List.of("a", "b", "c"), new double[] {3, 2, 1}, Set.of("b", "d"));
        Map<String, Double> want = Map.of("precision@2", 0.5, "recall@2", 0.5, "hit@2", 1.0, "mrr@2", 0.5,
                // DCG 1/log2(3); ideal DCG 1 + 1/log2(3) (two truth items fit in the top 2)
                "ndcg@2", (1 / (Math.log(3) / Math.log(2))) / (1 + 1 / (Math.log(3) / Math.log(2))),
                "f1@2", 0.5,
                "auc", 0.5);   // b (2) above c (1), below a (3)
        for (var e : want.entrySet()) {
            assertEquals(e.getValue(), row[m.names().indexOf(e.getKey())], 1e-12, e.getKey());
        }
        RunFile run = RunFile.of(Map.of("u", List.of("a", "b", "c")), Map.of("u", new double[] {3, 2, 1}));
        EvaluationReport r = new RunEvaluator(2).evaluate(run, Map.of("u", Set.of("b", "d")));
        for (String name : m.names()) {
            assertEquals(r.mean(name), row[m.names().indexOf(name)], 0, name);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
            o.writeObject(m);
        }
        UserMetrics back = (UserMetrics) new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();
        assertArrayEquals(row, back.of(List.of("a", "b", "c"), new double[] {3, 2, 1}, Set.of("b", "d")), 0);
        assertThrows(IllegalArgumentException.class, () -> m.of(List.of("a"), new double[] {1}, Set.of()));
        assertThrows(IllegalArgumentException.class, () -> m.of(List.of("a"), new double[0], Set.of("a")));
    }
}
