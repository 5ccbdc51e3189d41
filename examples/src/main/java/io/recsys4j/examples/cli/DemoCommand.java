package io.recsys4j.examples.cli;

import io.recsys4j.core.Dataset;
import io.recsys4j.core.TextTable;
import io.recsys4j.core.split.Split;
import io.recsys4j.core.split.Splits;
import io.recsys4j.core.synthetic.SyntheticWorld;
import io.recsys4j.eval.EvaluationReport;
import io.recsys4j.eval.RankingEvaluator;
import io.recsys4j.eval.baseline.PopularityScorer;
import io.recsys4j.gnn.GraphRecommender;
import io.recsys4j.gnn.ModelKind;
import io.recsys4j.gnn.Recommendation;
import io.recsys4j.text.TextEncoder;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code demo}: the README's main job on the built-in synthetic world. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate the synthetic world, train the text-fed social graph model on it (item texts through the "
            + "hashing encoder by default), evaluate it against the most-popular baseline with full ranking, and show "
            + "a few users' recommendations.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SeedOption seeds;

    @Option(names = "--epochs", defaultValue = "30", description = "Training epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--encoder", defaultValue = "hashing",
            description = "Item text encoder: hashing, minilm (= minilm-q), minilm-q, minilm-fp32, bge-small-zh or a model folder (default ${DEFAULT-VALUE}).")
    String encoder;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long seed = seeds.seed;
        SyntheticWorld w = SyntheticWorld.builder().seed(seed).build();
        Split s = Splits.randomPerUser(w.interactions(), 0.2, seed);
        Dataset d = Dataset.builder().train(s.train()).test(s.test()).social(w.social()).itemText(w.itemText()).build();
        out.println("== synthetic world (seed " + seed + "), 80/20 random split per user ==");
        StatsCommand.print(d, out);
        out.println();

        TextTable items = d.itemText().orElseThrow();
        List<String> texts = io.recsys4j.text.TextVectors.texts(items.alignTo(d.items()));
        List<String> profileTexts = io.recsys4j.text.TextVectors.texts(w.userText().alignTo(d.users()));
        List<String> corpus = new ArrayList<>(texts);
        corpus.addAll(profileTexts);
        long t0 = System.nanoTime();
        try (TextEncoder enc = io.recsys4j.text.TextVectors.openEncoder(encoder, corpus, 4096, 128, 1, 32)) {
            float[][] vectors = io.recsys4j.text.TextVectors.encode(enc, items, d.items());
            float[][] userVectors = io.recsys4j.text.TextVectors.encode(enc, w.userText(), d.users());
            out.printf(Locale.ROOT, "encoded %d item descriptions and %d user profiles with %s in %.1f s%n", texts.size(),
                    profileTexts.size(), enc.name(), (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            GraphRecommender model = GraphRecommender.builder().data(d).kind(ModelKind.SOCIAL).itemText(vectors)
                    .userText(userVectors).layers(3).dim(64).epochs(epochs).learningRate(0.005).seed(seed).fit();
            out.printf(Locale.ROOT, "== text-fed %s model, 3 layers, dim 64, %d epochs: trained in %.1f s ==%n",
                    model.settings().kind().id(), epochs, (System.nanoTime() - t0) / 1e9);
            report(out, w, d, model);

            // Cold start: a user the model has never seen, placed from a profile text alone.
            String profile = w.userText().text(0);
            out.println("a new user with the profile '" + profile + "' (no history, no friends) - top 5:");
            print(out, d, model.recommendForHistory(List.of(), List.of(), enc.encodeOne(profile), 5));
        }
        out.flush();
        return 0;
    }

    private static void report(PrintWriter out, SyntheticWorld w, Dataset d, GraphRecommender model) {
        EvaluationReport gnn = model.evaluate(d.test().orElseThrow(), 1, 5, 10, 20);
        out.print(gnn.toTable());
        out.println();
        out.println("== most-popular baseline, full ranking ==");
        EvaluationReport pop = RankingEvaluator.builder().ks(1, 5, 10, 20).build()
                .evaluate(new PopularityScorer(d.train()), d.train(), d.test().orElseThrow());
        out.print(pop.toTable());
        out.printf(Locale.ROOT, "%nrecall@20: graph model %.4f vs popularity %.4f%n%n", gnn.mean("recall@20"),
                pop.mean("recall@20"));

        for (int u = 0; u < 3; u++) {
            String user = d.users().id(u);
            out.println("user " + user + " (" + w.userText().text(u) + ") - top 5:");
            print(out, d, model.recommend(user, 5));
        }
    }

    private static void print(PrintWriter out, Dataset d, List<Recommendation> recs) {
        TextTable items = d.itemText().orElseThrow();
        for (Recommendation r : recs) {
            String text = items.text(d.items().indexOf(r.itemId()));
            out.printf(Locale.ROOT, "  %-6s %7.3f  %s%n", r.itemId(), r.score(),
                    text.length() > 70 ? text.substring(0, 70) + "..." : text);
        }
    }
}
