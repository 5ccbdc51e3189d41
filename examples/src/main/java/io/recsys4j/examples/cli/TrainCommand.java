package io.recsys4j.examples.cli;

import io.recsys4j.core.Dataset;
import io.recsys4j.eval.EvaluationReport;
import io.recsys4j.eval.RankingEvaluator;
import io.recsys4j.gnn.GraphRecommender;
import io.recsys4j.gnn.ModelKind;
import io.recsys4j.gnn.TrainingSettings;
import io.recsys4j.gnn.EpochStats;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code train}: trains LightGCN or the social model, evaluates it on the test file, saves it. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a graph recommender with BPR and evaluate it with full ranking on --test.",
            "Users and items that appear only in the test or social files belong to the catalogue."})
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--model", description = "lightgcn, socialcl (LightGCN with a social contrastive term), social (fixed social weight), sociallgn (SocialLGN: learned fusion) or filter (default: socialcl when --social is given, else lightgcn).")
    String model;

    @Option(names = "--filter", description = "With --model filter: tuned (default: chosen on --hold-out of the training data),"
            + " gf-cf (GF-CF's published settings) or linear (R̃ᵀR̃ alone).")
    String filter;

    @Option(names = "--rank", description = "With --model filter: singular vectors k (fixes the settings: no tuning).")
    Integer rank;

    @Option(names = "--ideal-weight", description = "With --model filter: α of the ideal low-pass term (fixes the settings).")
    Double idealWeight;

    @Option(names = "--sharpening", description = "With --model filter: sharpening time T (fixes the settings).")
    Double sharpening;

    @Option(names = "--exponent", description = "With --model filter: normalisation exponent a (fixes the settings).")
    Double exponent;

    @Option(names = "--text-weight", description = "With --model filter and --item-text: γ of the text term (fixes the settings).")
    Double textWeight;

    @Option(names = "--tuning-users", description = "With --model filter: validation users the tuning scores (default 10000).")
    Integer tuningUsers;

    @Option(names = "--social-weight", description = "β of the social model (default " + TrainingSettings.DEFAULT_SOCIAL_WEIGHT + ").")
    Double socialWeight;

    @Option(names = "--contrast-weight", description = "With --model socialcl: λ of the contrastive term (default "
            + TrainingSettings.DEFAULT_CONTRAST_WEIGHT + ").")
    Double contrastWeight;

    @Option(names = "--contrast-temperature", description = "With --model socialcl: τ of the contrastive term (default "
            + TrainingSettings.DEFAULT_CONTRAST_TEMPERATURE + ").")
    Double contrastTemperature;

    @Option(names = "--layers", defaultValue = "3", description = "Propagation layers (default ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--dim", defaultValue = "64", description = "Embedding dimension (default ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--epochs", defaultValue = "400", description = "Maximum epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "2048", description = "Batch size (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "0.001", description = "Adam learning rate (default ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--reg", defaultValue = "1e-4", description = "L2 weight on layer-0 embeddings (default ${DEFAULT-VALUE}).")
    double reg;

    @Option(names = "--k", split = ",", defaultValue = "20", description = "Test cut-offs (default ${DEFAULT-VALUE}).")
    List<Integer> ks;

    @Mixin
    SeedOption seeds;

    @Option(names = "--eval-every", description = "Validate on --valid every N epochs (default: every epoch when --valid is given).")
    Integer evalEvery;

    @Option(names = "--patience", defaultValue = "0", description = "Stop after N validations without improvement (default 0: never).")
    int patience;

    @Option(names = "--hold-out", defaultValue = "0",
            description = "Without --valid: hold out this share of each user's training interactions for validation and early stopping.")
    double holdOut;

    @Option(names = "--item-text", description = "Item texts for a text-fed model: MovieLens movies.csv, or a TSV id<TAB>text.")
    Path itemText;

    @Option(names = "--item-tags", description = "With a movies.csv: MovieLens tags.csv, joined to each movie's text.")
    Path itemTags;

    @Option(names = "--user-text", description = "User profile texts, TSV id<TAB>text (default: the mean of the user's items' texts).")
    Path userText;

    @Option(names = "--encoder", defaultValue = "minilm",
            description = "Text encoder: minilm (= minilm-q), minilm-q, minilm-fp32, bge-small-zh, hashing or a folder with model.onnx and tokenizer.json (default ${DEFAULT-VALUE}).")
    String encoder;

    @Option(names = "--cold-weight", description = "With --item-text: weight of the cold-start term, 0 = off "
            + "(default 1; `coldstart` shows how to choose it on held-out items).")
    Double coldWeight;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--auc", description = "Also compute the user-averaged AUC on the test set (a second pass).")
    boolean auc;

    @Option(names = "--report", description = "Write test metrics and timings as JSON here.")
    Path report;

    @Option(names = "--save", description = "Save the trained model here.")
    Path save;

    @Mixin
    PoolingOption pooling;

    @Mixin
    VerboseOption verbose;

    @Override
    @SuppressWarnings("try") // the progress display only needs to be closed
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        for (int k : ks) {
            if (k < 1) {   // checked before anything is read or trained, not after the training
                throw new IllegalArgumentException("--k must be >= 1, found " + k);
            }
        }
        if ("filter".equals(model)) {
            return new FilterTraining(this).run(out);
        }
        if (filter != null || rank != null || idealWeight != null || sharpening != null || exponent != null
                || textWeight != null || tuningUsers != null) {
            throw new IllegalArgumentException("--filter, --rank, --ideal-weight, --sharpening, --exponent, --text-weight"
                    + " and --tuning-users need --model filter");
        }
        ModelKind kind = model == null ? null : ModelKind.parse(model);
        if (kind != null && kind.usesSocial() && data.social == null) {   // refused before the data is read
            throw new IllegalArgumentException("--model " + model + " needs --social FILE");
        }
        Dataset d = data.load(out, "add");
        GraphRecommender.Builder b = GraphRecommender.builder().interactions(d.train()).layers(layers).dim(dim)
                .epochs(epochs).batchSize(batch).learningRate(lr).regularization(reg).seed(seeds.seed).patience(patience);
        // Only what was given: an unset kind follows the social-graph rule, an unset evalEvery the validation.
        if (kind != null) {
            b.kind(kind);
        }
        if (socialWeight != null) {
            b.socialWeight(socialWeight);
        }
        if (contrastWeight != null) {
            b.contrastWeight(contrastWeight);
        }
        if (contrastTemperature != null) {
            b.contrastTemperature(contrastTemperature);
        }
        if (evalEvery != null) {
            b.evalEvery(evalEvery);
        }
        if (d.social().isPresent()) {
            if (kind != null && !kind.usesSocial()) {
                // The same data both ways: the graph's users stay in the id space, the model ignores the edges.
                out.println("--model " + model + " does not use the social graph; its users stay in the catalogue");
            } else {
                b.social(d.social().get());
            }
        }
        d.valid().ifPresent(b::validation);
        if (holdOut > 0) {
            if (d.valid().isPresent()) {
                throw new IllegalArgumentException("--hold-out and --valid exclude each other");
            }
            b.holdOut(holdOut);
        }
        threads.ifSet(b::threads);
        if (itemText != null) {
            TextVectors tv = TextVectors.load(itemText, itemTags, userText, encoder, pooling.value(), d, out);
            b.itemText(tv.items());
            if (tv.users() != null) {
                b.userText(tv.users());
            }
            if (coldWeight != null) {
                b.coldStartWeight(coldWeight);
            }
        } else if (userText != null || coldWeight != null) {
            throw new IllegalArgumentException((userText != null ? "--user-text" : "--cold-weight") + " needs --item-text");
        }
        long t0 = System.nanoTime();
        GraphRecommender m;
        try (Progress p = Progress.loggedElsewhere("train", epochs)) {
            b.onEpoch(e -> {
                p.stepTo(e.epoch());
                p.note(String.format(Locale.ROOT, "loss %.5f", e.loss()));
            });
            m = b.fit();
        }
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "trained %s in %.1f s (%d epochs, model from epoch %d)%n", m.settings().kind().id(),
                trainSeconds, m.history().size(), m.bestEpoch());
        Map<String, Object> json = new LinkedHashMap<>();
        if (d.test().isPresent()) {
            int[] k = ks.stream().mapToInt(Integer::intValue).toArray();
            RankingEvaluator ev = RankingEvaluator.builder().ks(k).auc(auc).threads(m.settings().threads()).build();
            long e0 = System.nanoTime();
            EvaluationReport rep;
            try (Progress p = Progress.loggedElsewhere("evaluate", -1)) {
                rep = ev.evaluate(m, m.trainingInteractions(), d.test().get());
            }
            double evalSeconds = (System.nanoTime() - e0) / 1e9;
            out.print(rep.toTable());
            out.printf(Locale.ROOT, "evaluation took %.2f s%n", evalSeconds);
            rep.summary().forEach((name, v) -> {
                if (auc || !name.equals("auc")) {
                    json.put(name, v);
                }
            });
            json.put("eval_seconds", evalSeconds);
        }
        json.put("epoch_seconds", m.history().stream().map(EpochStats::seconds).toList());
        json.put("train_seconds", trainSeconds);
        json.put("epochs", m.history().size());
        json.put("best_epoch", m.bestEpoch());
        m.history().stream().filter(e -> !Double.isNaN(e.validation())).reduce((x, y) -> y)
                .ifPresent(e -> json.put("validation_recall@" + m.settings().validationK(), e.validation()));
        out.flush();
        if (report != null) {
            Json.write(report, json);
        }
        if (save != null) {
            m.save(save);
            out.println("saved " + save);
        }
        out.flush();
        return 0;
    }
}
