package io.recsys4j.examples.cli;

import io.recsys4j.core.Dataset;
import io.recsys4j.core.Interactions;
import io.recsys4j.core.TopK;
import io.recsys4j.core.internal.AtomicFiles;
import io.recsys4j.eval.EvaluationReport;
import io.recsys4j.eval.RankingEvaluator;
import io.recsys4j.eval.baseline.PopularityScorer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code baseline}: the most-popular baseline, evaluated with full ranking. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Rank items by training popularity for every user and evaluate on the test file (full ranking, training items masked).")
final class BaselineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--k", split = ",", defaultValue = "1,5,10,20", description = "Cut-offs (default: ${DEFAULT-VALUE}).")
    List<Integer> ks;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--report", description = "Write the means as JSON here.")
    Path report;

    @Option(names = "--write-run", description = "Also write the top-K list of every test user as a run file (user<TAB>item<TAB>score).")
    Path runFile;

    @Mixin
    VerboseOption verbose;

    @Override
    @SuppressWarnings("try") // the progress display only needs to be closed
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Dataset d = data.load(out);
        Interactions test = d.test().orElseThrow(() -> new IllegalArgumentException("baseline needs --test"));
        PopularityScorer scorer = new PopularityScorer(d.train());
        int[] k = ks.stream().mapToInt(Integer::intValue).toArray();
        RankingEvaluator.Builder eb = RankingEvaluator.builder().ks(k);
        threads.ifSet(eb::threads);
        long t0 = System.nanoTime();
        EvaluationReport rep;
        try (Progress p = Progress.loggedElsewhere("evaluate", -1)) {
            rep = eb.build().evaluate(scorer, d.train(), test);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.println("most-popular baseline, full ranking over " + d.items().size() + " items:");
        out.print(rep.toTable());
        out.printf("evaluation took %.2f s%n", seconds);
        out.flush();
        if (report != null) {
            Map<String, Object> json = new LinkedHashMap<>(rep.summary());
            json.put("eval_seconds", seconds);
            Json.write(report, json);
        }
        if (runFile != null) {
            writeRun(d, test, scorer, java.util.Arrays.stream(k).max().orElse(20));
        }
        return 0;
    }

    private void writeRun(Dataset d, Interactions test, PopularityScorer scorer, int k) throws java.io.IOException {
        StringBuilder sb = new StringBuilder();
        int[] users = java.util.stream.IntStream.range(0, test.numUsers()).filter(u -> test.degree(u) > 0).toArray();
        int nThreads = threads.threads != null ? threads.threads : io.recsys4j.core.Defaults.THREADS;
        try (io.recsys4j.core.Workers w = io.recsys4j.core.Workers.of(nThreads); Progress p = Progress.of("top-" + k, users.length)) {
            TopK.forUsers(scorer, d.train(), users, k, 256, w, (u, top, scores) -> {
                for (int r = 0; r < top.length; r++) {
                    sb.append(io.recsys4j.eval.RunFile.line(d.users().id(u), d.items().id(top[r]), scores[r]));
                }
                p.step();
            });
        }
        AtomicFiles.writeString(runFile, sb.toString());
    }
}
