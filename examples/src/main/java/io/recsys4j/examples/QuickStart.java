package io.recsys4j.examples;

// The README's Java example is the tagged region below, word for word (ReadmeSnippetTest
// checks it), so that the README shows code that compiles and runs.
// tag::readme[]
import io.recsys4j.core.Dataset;
import io.recsys4j.core.io.InteractionReader;
import io.recsys4j.eval.EvaluationReport;
import io.recsys4j.gnn.GraphRecommender;
import io.recsys4j.gnn.Recommendation;
import java.io.IOException;
import java.nio.file.Path;

public final class QuickStart {
    public static void main(String[] args) throws IOException {
        // LightGCN-format files: java -jar examples/target/recsys-cli.jar synth --out target/synth
        Path dir = Path.of(args.length > 0 ? args[0] : "target/synth");
        InteractionReader reader = InteractionReader.lightGcn();
        Dataset data = Dataset.builder()
                .train(reader.read(dir.resolve("train.txt")).data())
                .test(reader.read(dir.resolve("test.txt")).data())
                .build();                           // one id space for both parts

        GraphRecommender model = GraphRecommender.builder()
                .data(data)
                .layers(3).dim(64).seed(42)
                .epochs(40).learningRate(0.005)
                .holdOut(0.1).patience(5)           // early stopping on 10% of each user's training items
                .fit();

        // Full ranking: every item but the user's training items is a candidate.
        EvaluationReport report = model.evaluate(data.test().orElseThrow(), 10, 20);
        System.out.print(report.toTable());

        for (Recommendation r : model.recommend("42", 5)) {    // user 42 of train.txt
            System.out.println(r.itemId() + "\t" + r.score());
        }
        model.save(dir.resolve("model.bin"));       // GraphRecommender.load(path) reads it back
    }
}
// end::readme[]
