package io.recsys4j.examples.cli;

import io.recsys4j.core.Dataset;
import io.recsys4j.core.Interactions;
import io.recsys4j.core.SocialGraph;
import io.recsys4j.core.io.SocialReader;
import io.recsys4j.core.Scorer;
import io.recsys4j.core.TextTable;
import io.recsys4j.core.io.InteractionReader;
import io.recsys4j.core.split.Split;
import io.recsys4j.core.split.Splits;
import io.recsys4j.core.synthetic.SyntheticWorld;
import io.recsys4j.eval.CandidateFilter;
import io.recsys4j.eval.EvaluationReport;
import io.recsys4j.eval.PairedDifference;
import io.recsys4j.eval.RankingEvaluator;
import io.recsys4j.eval.baseline.PopularityScorer;
import io.recsys4j.gnn.ColdStartTuning;
import io.recsys4j.gnn.GraphFilter;
import io.recsys4j.gnn.GraphRecommender;
import io.recsys4j.gnn.ModelKind;
import io.recsys4j.text.TextEncoder;
import io.recsys4j.text.TextProfileScorer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code coldstart}: the cold-start evaluation. A share of the items is held out entirely
 * (all their interactions go to the cold test set); the rest is split 80/20 per user into
 * training and a warm test set. Cold items are ranked only against cold items, warm items
 * only against warm ones (training items masked), so each model is judged where it plays.
 * No choice looks at the test sets: LightGCN stops on a per-user validation split, and the
 * text-fed models' cold-start weight and epoch count, and the text filter's text weight, are
 * chosen on items and interactions held out of the training data.
 */
@Command(name = "coldstart", mixinStandardHelpOptions = true,
        description = "Hold out items entirely and compare popularity, LightGCN, text-only, the text-fed graph "
            + "model and the graph filter without and with its text term on the held-out (cold) items and on the warm "
            + "items. Without --train: the synthetic world.")
final class ColdStartCommand implements Callable<Integer> {
    private static final String TEXT_FILTER = "text filter";
    private static final RankingEvaluator EVALUATOR = RankingEvaluator.builder().ks(20).auc(false).build();

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "movielens", description = "Interaction format (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--train", description = "All interactions (they are split here).")
    Path train;

    @Option(names = "--min-rating", description = "movielens: keep ratings at or above this.")
    Double minRating;

    @Option(names = "--item-text", description = "Item texts: MovieLens movies.csv, or a TSV id<TAB>text.")
    Path itemText;

    @Option(names = "--tags", description = "MovieLens tags.csv, joined to each movie's text.")
    Path tags;

    @Option(names = "--encoder", defaultValue = "minilm", description = "minilm (= minilm-q), minilm-q, minilm-fp32, bge-small-zh, hashing or a model folder (default ${DEFAULT-VALUE}).")
    String encoder;

    @Option(names = "--hold-out", defaultValue = "0.2", description = "Share of items held out (default ${DEFAULT-VALUE}).")
    double holdOut;

    @Option(names = "--epochs", defaultValue = "100", description = "Maximum training epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--cold-weight", split = ",", defaultValue = "0,0.5,1",
            description = "Weights of the text-fed models' cold-start term, 0 = off (default ${DEFAULT-VALUE}). Each "
                + "text-fed model takes the weight and epoch count with the best validation: 10%% of the training "
                + "items held out the same way, and 10%% of each user's other training items.")
    List<Double> coldWeights;

    @Option(names = "--text-weight", split = ",", defaultValue = "0,0.001,0.003,0.01,0.03,0.1,0.3,1",
            description = "Candidate weights of the graph filter's text term (default ${DEFAULT-VALUE}), chosen on the "
                + "same held-out items and interactions as --cold-weight; the filter's other settings are tuned on a "
                + "per-user hold-out as in train --model filter.")
    List<Double> textWeights;

    @Option(names = "--patience", defaultValue = "3",
            description = "Stop after N epochs without a better validation recall@20 on 10%% of each user's training items (default ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--lr", defaultValue = "0.005", description = "Learning rate (default ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--social", description = "Social edge list for a text-fed social model too (the synthetic world has one).")
    Path social;

    @Option(names = "--layers", defaultValue = "3", description = "Layers (default ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--dim", defaultValue = "64", description = "Dimension (default ${DEFAULT-VALUE}).")
    int dim;

    @Mixin
    SeedOption seeds;

    @Mixin
    LanguageOption language;

    @Option(names = "--report", description = "Write the figures as JSON here.")
    Path report;

    @Mixin
    PoolingOption pooling;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long seed = seeds.seed;
        Interactions all;
        TextTable texts;
        SocialGraph graph = null;
        if (train == null) {
            SyntheticWorld w = SyntheticWorld.builder().seed(seed).language(language.value()).build();
            all = w.interactions();
            texts = w.itemText();
            graph = w.social();
        } else {
            if (itemText == null) {
                throw new IllegalArgumentException("--item-text is required with --train");
            }
            if (!language.isDefault()) {
                throw new IllegalArgumentException("--language applies to the synthetic world, not to --train data");
            }
            if (minRating != null && !format.equalsIgnoreCase("movielens")) {
                throw new IllegalArgumentException("--min-rating applies to --format movielens, not " + format);
            }
            InteractionReader r = InteractionReader.forFormat(format);
            if (minRating != null) {
                r = r.withMinRating(minRating);
            }
            all = r.read(train).data();
            texts = io.recsys4j.text.TextVectors.readTable(itemText, tags);
            if (social != null) {
                // Friends without interactions join the user id space, so train and graph share it.
                Dataset d = Dataset.builder().train(all)
                        .social(SocialReader.edges().withUnknownUsersAdded().read(social).data()).build();
                all = d.train();
                graph = d.social().orElseThrow();
            }
        }
        all = Splits.shuffleItems(all, seed);
        TextTable aligned = texts.alignTo(all.items());
        out.printf(Locale.ROOT, "%d users, %d items (%d with text), %d interactions%n", all.numUsers(),
                all.numItems(), aligned.count(), all.size());

        Split coldSplit = Splits.coldItems(all, holdOut, seed);
        Split warmSplit = Splits.randomPerUser(coldSplit.train(), 0.2, seed);
        Interactions tr = warmSplit.train();

        List<String> corpus = io.recsys4j.text.TextVectors.texts(aligned);
        float[][] withNulls;
        long t0 = System.nanoTime();
        try (TextEncoder enc = io.recsys4j.text.TextVectors.openEncoder(encoder, pooling.value(), corpus, 4096, 128, 1, 32)) {
            withNulls = io.recsys4j.text.TextVectors.encode(enc, texts, all.items());
            out.printf(Locale.ROOT, "encoded %d item texts with %s in %.1f s%n", aligned.count(), enc.name(),
                    (System.nanoTime() - t0) / 1e9);
        }

        // No graph model sees the test sets: LightGCN stops on 10% of each user's training
        // items, and the text-fed models train on what that hold-out leaves.
        Supplier<GraphRecommender.Builder> settings = () -> GraphRecommender.builder().kind(ModelKind.LIGHTGCN).layers(layers)
                .dim(dim).epochs(epochs).learningRate(lr).seed(seed).patience(patience);
        Interactions lightGcnFitOn = Splits.randomPerUser(tr, 0.1, seed).train();   // what holdOut(0.1) leaves
        Map<String, Scorer> models = new LinkedHashMap<>();
        Map<String, Double> weights = new LinkedHashMap<>();
        models.put("popularity", new PopularityScorer(tr));
        models.put("lightgcn", settings.get().interactions(tr).holdOut(0.1).fit());
        models.put("text-only", new TextProfileScorer(tr, withNulls));
        Supplier<GraphRecommender.Builder> textFed = () -> settings.get().itemText(withNulls);
        addTextFed("text-fed gcn", textFed, tr, lightGcnFitOn, models, weights, out);
        if (graph != null) {
            SocialGraph g = graph;
            addTextFed("text-fed social", () -> textFed.get().kind(ModelKind.SOCIAL).social(g), tr, lightGcnFitOn, models,
                    weights, out);
        }

        addFilters(tr, withNulls, graph, models, weights, out);

        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, EvaluationReport> cold = new LinkedHashMap<>();
        Map<String, EvaluationReport> warm = new LinkedHashMap<>();
        out.printf(Locale.ROOT, "%n%-16s %12s %12s %12s %12s %6s %6s%n", "model", "cold rec@20", "cold ndcg@20",
                "warm rec@20", "warm ndcg@20", "epoch", "weight");
        for (var e : models.entrySet()) {
            EvaluationReport c = EVALUATOR.evaluate(CandidateFilter.itemsIn(e.getValue(), coldSplit.test()), tr,
                    coldSplit.test());
            EvaluationReport w = EVALUATOR.evaluate(CandidateFilter.itemsIn(e.getValue(), coldSplit.train()), tr,
                    warmSplit.test());
            cold.put(e.getKey(), c);
            warm.put(e.getKey(), w);
            String epoch = e.getValue() instanceof GraphRecommender g ? String.valueOf(g.bestEpoch()) : "";
            String weight = weights.containsKey(e.getKey()) ? String.valueOf(weights.get(e.getKey())) : "";
            out.printf(Locale.ROOT, "%-16s %12.4f %12.4f %12.4f %12.4f %6s %6s%n", e.getKey(), c.mean("recall@20"),
                    c.mean("ndcg@20"), w.mean("recall@20"), w.mean("ndcg@20"), epoch, weight);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cold_recall@20", c.mean("recall@20"));
            m.put("cold_ndcg@20", c.mean("ndcg@20"));
            m.put("warm_recall@20", w.mean("recall@20"));
            m.put("warm_ndcg@20", w.mean("ndcg@20"));
            if (e.getValue() instanceof GraphRecommender g) {
                m.put("epoch", g.bestEpoch());
            }
            if (weights.containsKey(e.getKey())) {
                m.put("cold_weight", weights.get(e.getKey()));
            }
            json.put(e.getKey(), m);
        }
        // The users each evaluation counted (those with ground truth), not the size of the id space.
        int coldUsers = cold.values().iterator().next().users();
        int warmUsers = warm.values().iterator().next().users();
        out.printf(Locale.ROOT, "(cold: %d users evaluated over %d held-out items; warm: %d users evaluated over %d items)%n",
                coldUsers, itemCount(coldSplit.test()), warmUsers, itemCount(coldSplit.train()));
        json.put("cold_users", coldUsers);
        json.put("warm_users", warmUsers);
        json.put("differences", differences(weights.keySet(), cold, warm, out));
        out.flush();
        if (report != null) {
            Json.write(report, json);
        }
        return 0;
    }

    /**
     * Chooses the model's cold-start weight and epoch count on data held out of the training
     * split {@code tr} ({@link ColdStartTuning}), then trains it that long on {@code fitOn}.
     */
    private void addTextFed(String name, Supplier<GraphRecommender.Builder> textFed, Interactions tr,
                            Interactions fitOn, Map<String, Scorer> models, Map<String, Double> weights,
                            PrintWriter out) {
        ColdStartTuning.Result t = ColdStartTuning.tune(textFed, tr, seeds.seed,
                coldWeights.stream().mapToDouble(Double::doubleValue).toArray());
        for (ColdStartTuning.Candidate c : t.candidates()) {
            out.printf(Locale.ROOT, "%s, cold-start weight %s: validation (warm + cold recall@20) / 2 = %.4f at epoch %d%n",
                    name, c.coldStartWeight(), c.validation(), c.epochs());
        }
        out.flush();
        weights.put(name, t.coldStartWeight());
        models.put(name, t.applyTo(textFed.get()).interactions(fitOn).fit());
    }

    /**
     * The graph filter as {@code train --model filter} fits it, and the same family with its
     * text term, the weight chosen on held-out items ({@link ColdStartTuning#tuneTextWeight}).
     */
    private void addFilters(Interactions tr, float[][] text, SocialGraph graph, Map<String, Scorer> models,
                            Map<String, Double> weights, PrintWriter out) {
        long seed = seeds.seed;
        Supplier<GraphFilter.Builder> plain = () -> {
            GraphFilter.Builder b = GraphFilter.builder().seed(seed);
            return graph == null ? b : b.social(graph);
        };
        models.put("filter", plain.get().interactions(tr).fit());
        Supplier<GraphFilter.Builder> withText = () -> plain.get().itemText(text);
        ColdStartTuning.FilterResult t = ColdStartTuning.tuneTextWeight(withText, tr, seed,
                textWeights.stream().mapToDouble(Double::doubleValue).toArray());
        for (ColdStartTuning.Candidate c : t.candidates()) {
            out.printf(Locale.ROOT, "%s, text weight %s: validation (warm + cold recall@20) / 2 = %.4f%n", TEXT_FILTER,
                    c.coldStartWeight(), c.validation());
        }
        out.printf(Locale.ROOT, "%s: %s%n", TEXT_FILTER, t.settings().toMap());
        out.flush();
        weights.put(TEXT_FILTER, t.settings().textWeight());
        models.put(TEXT_FILTER, withText.get().interactions(tr).settings(t.settings()).fit());
    }

    /**
     * Each text-fed model against every model without text on the cold items, and against
     * LightGCN on the warm ones; the text filter against every other model, cold and warm:
     * mean per-user difference with its 95% interval.
     */
    private static Map<String, Object> differences(Iterable<String> textFed, Map<String, EvaluationReport> cold,
            Map<String, EvaluationReport> warm, PrintWriter out) {
        Map<String, Object> json = new LinkedHashMap<>();
        out.printf(Locale.ROOT, "%nper-user differences, mean [95%% interval]:%n");
        for (String a : textFed) {
            boolean filter = a.equals(TEXT_FILTER);
            for (String b : cold.keySet()) {
                if (b.equals(a) || (!filter && b.startsWith("text-fed"))) {
                    continue;
                }
                json.put(a + " - " + b + ", cold", difference(a, b, "cold", cold, out));
            }
            for (String b : cold.keySet()) {
                if (b.equals("lightgcn") || (filter && !b.equals(a))) {
                    json.put(a + " - " + b + ", warm", difference(a, b, "warm", warm, out));
                }
            }
        }
        return json;
    }

    private static Map<String, Object> difference(String a, String b, String where, Map<String, EvaluationReport> reports,
            PrintWriter out) {
        Map<String, Object> m = new LinkedHashMap<>();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-34s", a + " - " + b + ", " + where));
        for (String metric : List.of("recall@20", "ndcg@20")) {
            PairedDifference d = PairedDifference.of(reports.get(a), reports.get(b), metric);
            line.append(String.format(Locale.ROOT, "  %s %s", metric, d));
            m.put(metric, List.of(d.mean(), d.low(), d.high()));
        }
        out.println(line);
        return m;
    }

    /** Items with at least one interaction in {@code data}. */
    private static long itemCount(Interactions data) {
        return java.util.Arrays.stream(data.itemDegrees()).filter(d -> d > 0).count();
    }
}
