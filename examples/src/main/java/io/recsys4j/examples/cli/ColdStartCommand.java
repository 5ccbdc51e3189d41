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
import io.recsys4j.gnn.GraphRecommender;
import io.recsys4j.text.TextEncoder;
import io.recsys4j.text.TextProfileScorer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code coldstart}: the cold-start evaluation. A share of the items is held out entirely
 * (all their interactions go to the cold test set); the rest is split 80/20 per user into
 * training and a warm test set. Cold items are ranked only against cold items, warm items
 * only against warm ones (training items masked), so each model is judged where it plays.
 * No choice looks at the test sets: LightGCN stops on a per-user validation split, and the
 * text-fed models' cold-start weight and epoch count are chosen on items and interactions
 * held out of the training data.
 */
@Command(name = "coldstart", mixinStandardHelpOptions = true,
        description = "Hold out items entirely and compare popularity, LightGCN, text-only and the text-fed graph "
            + "model on the held-out (cold) items and on the warm items. Without --train: the synthetic world.")
final class ColdStartCommand implements Callable<Integer> {
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

    @Option(names = "--encoder", defaultValue = "minilm", description = "minilm, hashing or a model folder (default ${DEFAULT-VALUE}).")
    String encoder;

    @Option(names = "--hold-out", defaultValue = "0.2", description = "Share of items held out (default ${DEFAULT-VALUE}).")
    double holdOut;

    @Option(names = "--epochs", defaultValue = "100", description = "Maximum training epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--cold-weight", split = ",", defaultValue = "0,0.5,1",
            description = "Weights of the text-fed models' cold-start term, 0 = off (default ${DEFAULT-VALUE}). Each "
                + "text-fed model takes the weight and epoch count with the best validation: 10% of the training "
                + "items held out the same way, and 10% of each user's other training items.")
    List<Double> coldWeights;

    @Option(names = "--patience", defaultValue = "3",
            description = "Stop after N epochs without a better validation recall@20 on 10% of each user's training items (default ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--lr", defaultValue = "0.005", description = "Learning rate (default ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--social", description = "Social edge list for a text-fed social model too (the synthetic world has one).")
    Path social;

    @Option(names = "--layers", defaultValue = "3", description = "Layers (default ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--dim", defaultValue = "64", description = "Dimension (default ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--report", description = "Write the figures as JSON here.")
    Path report;

    @Option(names = {"-v", "--verbose"}, description = "Stack traces on errors.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Interactions all;
        TextTable texts;
        SocialGraph graph = null;
        if (train == null) {
            SyntheticWorld w = SyntheticWorld.builder().seed(seed).build();
            all = w.interactions();
            texts = w.itemText();
            graph = w.social();
        } else {
            if (itemText == null) {
                throw new IllegalArgumentException("--item-text is required with --train");
            }
            InteractionReader r = InteractionReader.forFormat(format);
            if (minRating != null) {
                r = r.withMinRating(minRating);
            }
            all = r.read(train).data();
            texts = TextVectors.readTable(itemText, tags);
            if (social != null) {
                // Friends without interactions join the user id space, so train and graph share it.
                Dataset d = Dataset.builder().train(all)
                        .social(SocialReader.edges().withUnknownUsersAdded().read(social).data()).build();
                all = d.train();
                graph = d.social().orElseThrow();
            }
        }
        all = shuffleItems(all, seed);
        TextTable aligned = texts.alignTo(all.items());
        out.printf(Locale.ROOT, "%d users, %d items (%d with text), %d interactions%n", all.numUsers(),
                all.numItems(), aligned.count(), all.size());

        Split coldSplit = Splits.coldItems(all, holdOut, seed);
        Split warmSplit = Splits.randomPerUser(coldSplit.train(), 0.2, seed);
        Interactions tr = warmSplit.train();

        List<String> list = TextVectors.texts(aligned);
        float[][] vectors;
        long t0 = System.nanoTime();
        try (TextEncoder enc = TextVectors.openEncoder(encoder, list, 4096, 128, 1, 32)) {
            vectors = enc.encodeToArrays(list);
            out.printf(Locale.ROOT, "encoded %d item texts with %s in %.1f s%n", list.size(), enc.name(),
                    (System.nanoTime() - t0) / 1e9);
        }
        float[][] withNulls = TextVectors.withoutMissing(vectors, aligned);

        // No graph model sees the test sets: LightGCN stops on 10% of each user's training
        // items, and the text-fed models train on what that hold-out leaves.
        Supplier<GraphRecommender.Builder> settings = () -> GraphRecommender.builder().model("lightgcn").layers(layers)
                .dim(dim).epochs(epochs).learningRate(lr).seed(seed).patience(patience);
        Interactions lightGcnFitOn = Splits.randomPerUser(tr, 0.1, seed).train();   // what holdOut(0.1) leaves
        Map<String, Scorer> models = new LinkedHashMap<>();
        Map<String, Double> weights = new LinkedHashMap<>();
        models.put("popularity", new PopularityScorer(tr));
        models.put("lightgcn", settings.get().interactions(tr).holdOut(0.1).fit());
        models.put("text-only", new TextProfileScorer(tr, vectors));
        Supplier<GraphRecommender.Builder> textFed = () -> settings.get().itemText(withNulls);
        addTextFed("text-fed gcn", textFed, tr, lightGcnFitOn, models, weights, out);
        if (graph != null) {
            SocialGraph g = graph;
            addTextFed("text-fed social", () -> textFed.get().model("social").social(g), tr, lightGcnFitOn, models,
                    weights, out);
        }

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
        out.printf(Locale.ROOT, "(cold: %d users over %d held-out items; warm: %d users over %d items)%n",
                coldSplit.test().userDegrees().length, itemCount(coldSplit.test()), warmSplit.test().numUsers(),
                itemCount(coldSplit.train()));
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
        ColdStartTuning.Result t = ColdStartTuning.tune(textFed, tr, seed,
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
     * Each text-fed model against every other model on the cold items, and against LightGCN
     * on the warm ones: mean per-user difference with its 95% interval.
     */
    private static Map<String, Object> differences(Iterable<String> textFed, Map<String, EvaluationReport> cold,
            Map<String, EvaluationReport> warm, PrintWriter out) {
        Map<String, Object> json = new LinkedHashMap<>();
        out.printf(Locale.ROOT, "%nper-user differences, mean [95%% interval]:%n");
        for (String a : textFed) {
            for (String b : cold.keySet()) {
                if (b.equals(a) || b.startsWith("text-fed")) {
                    continue;
                }
                json.put(a + " - " + b + ", cold", difference(a, b, "cold", cold, out));
            }
            json.put(a + " - lightgcn, warm", difference(a, "lightgcn", "warm", warm, out));
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

    /**
     * Puts the items in a seeded random index order. Ties rank by item index (docs/metrics.md),
     * and a model that scores every cold item alike (popularity, LightGCN) would otherwise be
     * judged on the file's id order, which in MovieLens follows popularity.
     */
    static Interactions shuffleItems(Interactions in, long seed) {
        int n = in.numItems();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        java.util.Random r = new java.util.Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        List<String> ids = new ArrayList<>(n);
        int[] newIndex = new int[n];
        for (int k = 0; k < n; k++) {
            ids.add(in.items().id(perm[k]));
            newIndex[perm[k]] = k;
        }
        int m = in.size();
        int[] user = new int[m];
        int[] item = new int[m];
        float[] weight = in.hasWeights() ? new float[m] : null;
        long[] time = in.hasTimestamps() ? new long[m] : null;
        for (int k = 0; k < m; k++) {
            user[k] = in.user(k);
            item[k] = newIndex[in.item(k)];
            if (weight != null) {
                weight[k] = in.weight(k);
            }
            if (time != null) {
                time[k] = in.timestamp(k);
            }
        }
        return Interactions.of(in.users(), io.recsys4j.core.IdMap.of(ids), user, item, weight, time);
    }

    /** Items with at least one interaction in {@code data}. */
    private static long itemCount(Interactions data) {
        return java.util.Arrays.stream(data.itemDegrees()).filter(d -> d > 0).count();
    }
}
