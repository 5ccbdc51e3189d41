package io.recsys4j.examples;

import io.recsys4j.core.Dataset;
import io.recsys4j.eval.EvaluationReport;
import io.recsys4j.gnn.GraphRecommender;
import io.recsys4j.gnn.Recommendation;
import io.recsys4j.gnn.EpochStats;
import java.nio.file.Path;

/**
 * Early stopping: train LightGCN with a validation hold-out, watch the training curve,
 * evaluate it with full ranking, recommend.
 *
 * <pre>
 * java -cp examples/target/recsys-cli.jar io.recsys4j.examples.EarlyStopping [FORMAT TRAIN TEST]
 * </pre>
 *
 * Writes the training curve to {@code example-output/early-stopping-curve.csv} and {@code .png}.
 */
public final class EarlyStopping {
    private EarlyStopping() {
    }

    public static void main(String[] args) throws Exception {
        Dataset data = ExampleData.load(args, "EarlyStopping");

        GraphRecommender model = GraphRecommender.builder()
                .interactions(data.train())
                .layers(3).dim(64)
                .epochs(40).learningRate(0.005)
                .holdOut(0.1)       // validate on 10% of each user's training items, every epoch
                .patience(5)        // stop after 5 epochs without a better validation recall@20
                .onEpoch(EarlyStopping::progress)
                .fit();             // keeps the best validated epoch
        System.out.printf("trained %d epochs, kept epoch %d%n%n", model.history().size(), model.bestEpoch());

        // Full ranking over every item, the user's training items masked (docs/metrics.md definitions).
        EvaluationReport report = model.evaluate(data.test().orElseThrow(), 5, 10, 20);
        System.out.print(report.toTable());

        String user = data.users().id(0);
        System.out.println("\ntop 5 for user " + user + ":");
        for (Recommendation r : model.recommend(user, 5)) {
            System.out.printf("  %-10s %.3f%n", r.itemId(), r.score());
        }

        Path csv = ExampleData.output("early-stopping-curve.csv");
        Path png = ExampleData.output("early-stopping-curve.png");
        TrainingCurve.write(model.history(), model.settings().validationK(), csv, png);
        System.out.println("\ntraining curve: " + csv + ", " + png);
    }

    private static void progress(EpochStats e) {
        System.out.printf("epoch %3d  loss %.4f  %.2f s  validation recall@20 %.4f%n", e.epoch(), e.loss(),
                e.seconds(), e.validation());
    }
}
