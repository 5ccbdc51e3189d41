package io.recsys4j.examples;

import io.recsys4j.core.Dataset;
import io.recsys4j.core.Interactions;
import io.recsys4j.eval.EvaluationReport;
import io.recsys4j.gnn.GraphRecommender;
import io.recsys4j.gnn.ModelKind;
import java.util.Locale;

/**
 * Social recommendation: the same LightGCN trained without and with the user-user social
 * graph (each layer mixes {@code (1-β)} of the interaction graph with {@code β} of the
 * friends' embeddings for users), evaluated side by side, overall and for the users with the
 * fewest training interactions, where friends should help most.
 *
 * <pre>
 * java -cp examples/target/recsys-cli.jar io.recsys4j.examples.SocialSideBySide [FORMAT TRAIN TEST SOCIAL]
 * </pre>
 */
public final class SocialSideBySide {
    private SocialSideBySide() {
    }

    public static void main(String[] args) throws Exception {
        Dataset data = ExampleData.load(args, "SocialSideBySide");
        if (data.social().isEmpty()) {
            throw new IllegalArgumentException("this example needs a social graph (the fourth argument)");
        }
        Interactions test = data.test().orElseThrow();
        GraphRecommender.Builder common = GraphRecommender.builder().data(data).layers(3).dim(64).epochs(30)
                .learningRate(0.005).seed(42);

        System.out.printf("%n%-10s %10s %10s %12s %12s %9s%n", "model", "recall@20", "ndcg@20",
                "sparse rec", "sparse ndcg", "train s");
        for (ModelKind kind : ModelKind.values()) {
            String name = kind.id();
            long t0 = System.nanoTime();
            GraphRecommender m = (kind == ModelKind.SOCIAL ? common.kind(kind).socialWeight(0.25) : common.kind(kind)).fit();
            double seconds = (System.nanoTime() - t0) / 1e9;
            EvaluationReport r = m.evaluate(test, 20);
            System.out.printf(Locale.ROOT, "%-10s %10.4f %10.4f %12.4f %12.4f %9.1f%n", name, r.mean("recall@20"),
                    r.mean("ndcg@20"), sparseMean(r, "recall@20", data.train()), sparseMean(r, "ndcg@20", data.train()),
                    seconds);
        }
        System.out.println("(sparse: the quarter of test users with the fewest training interactions)");
    }

    /** The mean of a metric over the quarter of evaluated users with the fewest training interactions. */
    private static double sparseMean(EvaluationReport r, String metric, Interactions train) {
        double[] values = r.perUser(metric);
        int[] degree = r.userIds().stream().mapToInt(id -> train.degree(train.users().indexOf(id))).toArray();
        int[] sorted = degree.clone();
        java.util.Arrays.sort(sorted);
        int cut = sorted[sorted.length / 4];
        double sum = 0;
        int n = 0;
        for (int k = 0; k < values.length; k++) {
            if (degree[k] <= cut && !Double.isNaN(values[k])) {
                sum += values[k];
                n++;
            }
        }
        return sum / n;
    }
}
