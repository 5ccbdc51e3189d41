package io.recsys4j.examples.cli;

import io.recsys4j.eval.EvaluationReport;
import io.recsys4j.eval.RunEvaluator;
import io.recsys4j.eval.RunFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code evaluate}: scores another system's ranked run file against a ground truth. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluate a ranked run file against a ground truth: precision, recall, f1, hit, ndcg, mrr "
                + "and auc at each cut-off; with --train also the exposure metrics (avgpop, novelty, tailshare, "
                + "coverage, gini).",
            "RUN lines: user<TAB>item[<TAB>score], a user's lines in rank order (best first);",
            "the score is used only by auc. TRUTH lines: user<TAB>item."})
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, description = "The ranked run file.")
    Path run;

    @Option(names = "--truth", required = true, description = "The ground-truth file.")
    Path truth;

    @Option(names = "--train", description = "Training pairs (user<TAB>item, as the truth) for the popularity "
            + "behind the exposure metrics.")
    Path train;

    @Option(names = "--tail-share", defaultValue = "0.2", description = "The long tail: the least popular items "
            + "holding at most this share of the training interactions (default: ${DEFAULT-VALUE}).")
    double tailShare;

    @Option(names = "--k", split = ",", defaultValue = "1,5,10,20", description = "Cut-offs (default: ${DEFAULT-VALUE}).")
    List<Integer> ks;

    @Option(names = "--report", description = "Write the means as JSON here.")
    Path report;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        RunFile r = RunFile.read(run);
        long[] repeats = new long[1];
        Map<String, Set<String>> t = RunFile.readTruth(truth, repeats);
        if (repeats[0] > 0) {
            spec.commandLine().getErr().println("note: " + truth + ": " + repeats[0] + " repeated truth lines counted once");
        }
        if (!(tailShare >= 0 && tailShare <= 1)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--tail-share must be in [0, 1], found " + tailShare);
        }
        Map<String, Set<String>> tr = null;
        if (train != null) {
            long[] trainRepeats = new long[1];
            tr = RunFile.readTruth(train, trainRepeats);
            if (trainRepeats[0] > 0) {
                spec.commandLine().getErr().println("note: " + train + ": " + trainRepeats[0]
                        + " repeated training lines counted once");
            }
        }
        int[] k = ks.stream().mapToInt(Integer::intValue).toArray();
        EvaluationReport rep = new RunEvaluator(k).evaluate(r, t, tr, tailShare);
        spec.commandLine().getOut().print(rep.toTable());
        spec.commandLine().getOut().flush();
        if (report != null) {
            Map<String, Object> json = new LinkedHashMap<>(rep.summary());
            Json.write(report, json);
        }
        return 0;
    }
}
