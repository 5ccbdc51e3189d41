package io.recsys4j.examples.cli;

import io.recsys4j.core.Dataset;
import io.recsys4j.core.Interactions;
import io.recsys4j.core.io.InteractionReader;
import io.recsys4j.eval.EvaluationReport;
import io.recsys4j.eval.RankingEvaluator;
import io.recsys4j.gnn.GraphFilter;
import io.recsys4j.gnn.GraphRecommender;
import io.recsys4j.gnn.Recommender;
import io.recsys4j.gnn.ModelKind;
import io.recsys4j.gnn.EpochStats;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench}: the side-by-side harness. Fixed hyperparameters (those of the reference
 * LightGCN: 3 layers, dim 64, lr 0.001, reg 1e-4, batch 2048), N epochs, then one full
 * evaluation; prints one JSON object so the same files can be run through another
 * implementation and the two compared. With {@code --model filter} the graph filter is fitted
 * with its defaults (tuning on a hold-out of the training data) instead. Logs go to stderr, the
 * JSON alone to stdout.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Train LightGCN for N epochs with the reference settings (or fit the graph filter with its defaults: "
            + "--model filter) on LightGCN-format files, evaluate once with full ranking, and print per-epoch seconds, "
            + "evaluation seconds and metrics as JSON on stdout.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--train", required = true, description = "Training file, LightGCN format (uid iid iid ...).")
    Path train;

    @Option(names = "--test", required = true, description = "Test file, LightGCN format.")
    Path test;

    @Option(names = "--model", defaultValue = "lightgcn",
            description = "lightgcn or filter (default ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--epochs", defaultValue = "3", description = "Training epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--k", defaultValue = "20", description = "Cut-off of the metrics (default ${DEFAULT-VALUE}).")
    int k;

    @Mixin
    ThreadsOption threads;

    @Mixin
    SeedOption seeds;

    @Option(names = "--report", description = "Also write the JSON here.")
    Path report;

    @Mixin
    VerboseOption verbose;

    @Override
    @SuppressWarnings("try") // the progress display only needs to be closed
    public Integer call() throws Exception {
        InteractionReader reader = InteractionReader.lightGcn();
        Dataset d = Dataset.builder().train(reader.read(train).data()).test(reader.read(test).data()).build();
        Interactions tr = d.train();
        boolean filter = model.equals("filter");
        if (!filter && !model.equals("lightgcn")) {
            throw new IllegalArgumentException("--model must be lightgcn or filter, found '" + model + "'");
        }
        if (filter && spec.commandLine().getParseResult().hasMatchedOption("--epochs")) {
            throw new IllegalArgumentException("--epochs has no meaning for --model filter (it is not trained by epochs)");
        }
        long t0 = System.nanoTime();
        Recommender m;
        GraphRecommender g = null;
        GraphFilter f = null;
        int nThreads;
        if (filter) {
            GraphFilter.Builder b = GraphFilter.builder().interactions(tr).seed(seeds.seed);
            threads.ifSet(b::threads);
            nThreads = threads.threads == null ? io.recsys4j.core.Defaults.THREADS : threads.threads;
            f = b.fit();
            m = f;
        } else {
            GraphRecommender.Builder b = GraphRecommender.builder().interactions(tr).kind(ModelKind.LIGHTGCN).epochs(epochs)
                    .seed(seeds.seed);
            threads.ifSet(b::threads);
            try (Progress p = Progress.loggedElsewhere("train", epochs)) {
                b.onEpoch(e -> p.stepTo(e.epoch()));
                g = b.fit();
            }
            m = g;
            nThreads = g.settings().threads();
        }
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        RankingEvaluator ev = RankingEvaluator.builder().ks(k).auc(false).threads(nThreads).build();
        long e0 = System.nanoTime();
        EvaluationReport rep;
        try (Progress p = Progress.loggedElsewhere("evaluate", -1)) {
            rep = ev.evaluate(m, tr, d.test().orElseThrow());
        }
        double evalSeconds = (System.nanoTime() - e0) / 1e9;

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("implementation", "recsys4j");
        json.put("model", model);
        json.put("users", tr.numUsers());
        json.put("items", tr.numItems());
        json.put("train_interactions", tr.size());
        json.put("test_users", rep.users());
        json.put("threads", nThreads);
        if (g != null) {
            json.put("epochs", epochs);
            json.put("epoch_seconds", g.history().stream().map(EpochStats::seconds).toList());
        }
        json.put("train_seconds", trainSeconds);
        if (f != null) {
            json.put("fit_seconds", f.fitSeconds());
            json.put("settings", f.settings().toMap());
        }
        json.put("eval_seconds", evalSeconds);
        if (g != null) {
            json.put("loss", g.history().stream().map(EpochStats::loss).toList());
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        rep.summary().forEach((name, v) -> {
            if (!name.equals("auc") && !name.equals("users")) {
                metrics.put(name, v);
            }
        });
        json.put("metrics", metrics);
        PrintWriter out = spec.commandLine().getOut();
        out.println(Json.toString(json));
        out.flush();
        if (report != null) {
            Json.write(report, json);
        }
        return 0;
    }
}
