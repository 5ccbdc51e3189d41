package io.recsys4j.examples.cli;

import io.recsys4j.core.Dataset;
import io.recsys4j.core.split.Split;
import io.recsys4j.core.split.Splits;
import io.recsys4j.core.synthetic.SyntheticWorld;
import io.recsys4j.eval.EvaluationReport;
import io.recsys4j.eval.RankingEvaluator;
import io.recsys4j.eval.baseline.PopularityScorer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code demo}: the README's main job on the built-in synthetic world. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate the synthetic world, print its statistics and evaluate the most-popular baseline (full ranking).")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-v", "--verbose"}, description = "Stack traces on errors.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SyntheticWorld w = SyntheticWorld.builder().seed(seed).build();
        Split s = Splits.randomPerUser(w.interactions(), 0.2, seed);
        Dataset d = Dataset.builder().train(s.train()).test(s.test()).social(w.social()).itemText(w.itemText()).build();
        out.println("== synthetic world (seed " + seed + "), 80/20 random split per user ==");
        StatsCommand.print(d, out);
        out.println();
        out.println("== most-popular baseline, full ranking ==");
        EvaluationReport rep = RankingEvaluator.builder().ks(1, 5, 10, 20).build()
                .evaluate(new PopularityScorer(d.train()), d.train(), d.test().orElseThrow());
        out.print(rep.toTable());
        out.println();
        out.println("sample item: " + d.itemText().orElseThrow().text(0));
        out.flush();
        return 0;
    }
}
