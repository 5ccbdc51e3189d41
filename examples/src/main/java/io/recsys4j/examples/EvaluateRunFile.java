package io.recsys4j.examples;

import io.recsys4j.core.Interactions;
import io.recsys4j.core.TopK;
import io.recsys4j.core.internal.AtomicFiles;
import io.recsys4j.core.split.Split;
import io.recsys4j.core.split.Splits;
import io.recsys4j.core.synthetic.SyntheticWorld;
import io.recsys4j.eval.EvaluationReport;
import io.recsys4j.eval.RunEvaluator;
import io.recsys4j.eval.RunFile;
import io.recsys4j.eval.baseline.PopularityScorer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Evaluating another system's output: a run file ({@code user<TAB>item[<TAB>score]}, one
 * line per recommended item, in rank order) against a ground-truth file ({@code user<TAB>item}),
 * with the same metric definitions as everything else here (docs/metrics.md).
 *
 * <pre>
 * java -cp examples/target/recsys-cli.jar io.recsys4j.examples.EvaluateRunFile [RUN TRUTH]
 * </pre>
 *
 * Without arguments it writes a most-popular run and its truth for the synthetic world to
 * {@code example-output/} and evaluates those, as a stand-in for a run from elsewhere.
 */
public final class EvaluateRunFile {
    private EvaluateRunFile() {
    }

    public static void main(String[] args) throws Exception {
        Path run;
        Path truth;
        if (args.length == 2) {
            run = Path.of(args[0]);
            truth = Path.of(args[1]);
        } else if (args.length == 0) {
            run = ExampleData.output("popularity-run.tsv");
            truth = ExampleData.output("truth.tsv");
            writeExample(run, truth);
            System.out.println("wrote " + run + " and " + truth);
        } else {
            throw new IllegalArgumentException("usage: EvaluateRunFile [RUN TRUTH]");
        }

        RunFile r = RunFile.read(run);                         // malformed lines are errors with file:line
        long[] repeats = new long[1];
        Map<String, Set<String>> t = RunFile.readTruth(truth, repeats);
        EvaluationReport report = new RunEvaluator(1, 5, 10, 20).evaluate(r, t);
        System.out.printf("%d users in the truth, %d in the run%n", t.size(), r.users().size());
        System.out.print(report.toTable());
    }

    /** A most-popular top-20 for every test user of the synthetic world, and the test set as truth. */
    private static void writeExample(Path run, Path truth) throws java.io.IOException {
        Split s = Splits.randomPerUser(SyntheticWorld.builder().seed(42).build().interactions(), 0.2, 42);
        Interactions train = s.train();
        Interactions test = s.test();
        StringBuilder runText = new StringBuilder();
        StringBuilder truthText = new StringBuilder();
        int[] users = IntStream.range(0, test.numUsers()).filter(u -> test.degree(u) > 0).toArray();
        // Each user's list leaves out what the user already has in training.
        TopK.forUsers(new PopularityScorer(train), train, users, 20, 256, io.recsys4j.core.Workers.sequential(), (u, top, scores) -> {
            for (int r = 0; r < top.length; r++) {
                runText.append(train.users().id(u)).append('\t').append(train.items().id(top[r])).append('\t')
                        .append(scores[r]).append('\n');
            }
            for (int i : test.itemsOf(u)) {
                truthText.append(test.users().id(u)).append('\t').append(test.items().id(i)).append('\n');
            }
        });
        AtomicFiles.writeString(run, runText.toString());
        AtomicFiles.writeString(truth, truthText.toString());
    }
}
