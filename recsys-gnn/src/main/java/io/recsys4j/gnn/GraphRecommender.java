package io.recsys4j.gnn;

import io.recsys4j.core.Dataset;
import io.recsys4j.core.IdMap;
import io.recsys4j.core.Interactions;
import io.recsys4j.core.Scorer;
import io.recsys4j.core.SocialGraph;
import io.recsys4j.core.TopK;
import io.recsys4j.core.split.Split;
import io.recsys4j.core.split.Splits;
import io.recsys4j.eval.EvaluationReport;
import io.recsys4j.eval.RankingEvaluator;
import io.recsys4j.gnn.internal.loss.ColdStartLoss;
import io.recsys4j.gnn.internal.serving.EmbeddingScorer;
import io.recsys4j.gnn.internal.serving.ScoreDecomposition;
import io.recsys4j.gnn.internal.train.BprTrainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trained graph recommender of the {@value #FAMILY} family: LightGCN (He et al., SIGIR
 * 2020), optionally with social propagation ({@link ModelKind#SOCIAL}) or text-fed layer-0
 * embeddings. It holds final user and item embeddings, the training interactions it masks,
 * its {@link TrainingSettings} and training history. Immutable; every method is safe to call
 * from many threads at once. The architecture is in {@code docs/architecture.md}.
 *
 * <pre>{@code
 * GraphRecommender model = GraphRecommender.builder()
 *     .data(dataset)          // train, validation and social graph
 *     .layers(3).dim(64).epochs(400).seed(42)
 *     .fit();
 * List<Recommendation> top = model.recommend("u42", 10);
 * EvaluationReport report = model.evaluate(dataset.test().orElseThrow(), 20);
 * model.save(Path.of("model.bin"));
 * }</pre>
 */
public final class GraphRecommender implements Recommender {
    /** The family name the model file records for this class. */
    public static final String FAMILY = "lightgcn";
    private static final Logger LOG = LoggerFactory.getLogger(GraphRecommender.class);

    private final IdMap users;
    private final IdMap items;
    private final int dim;
    private final EmbeddingScorer scorer;
    private final Interactions train;
    private final TrainingSettings settings;
    private final List<EpochStats> history;
    private final int bestEpoch;
    private final float[] projection;   // [featureDim x dim] text projection W, or null
    private final int featureDim;
    /** The user embeddings over their neighbours, for fold-in and explanations; null for SocialLGN and old files. */
    private final ScoreDecomposition decomposition;

    /** Copies the arrays; {@code projection} is the text projection {@code [featureDim x dim]}, or null. */
    GraphRecommender(Interactions train, int dim, float[] userEmb, float[] itemEmb, TrainingSettings settings,
                     List<EpochStats> history, int bestEpoch, float[] projection, int featureDim,
                     ScoreDecomposition decomposition) {
        this(train, dim, checked(train, dim, userEmb, itemEmb), settings, history, bestEpoch, projection, featureDim,
                decomposition);
    }

    private static EmbeddingScorer checked(Interactions train, int dim, float[] userEmb, float[] itemEmb) {
        if (userEmb.length != (long) train.numUsers() * dim || itemEmb.length != (long) train.numItems() * dim) {
            throw new IllegalArgumentException("embedding sizes do not match " + train.numUsers() + " users, "
                    + train.numItems() + " items, dim " + dim);
        }
        return new EmbeddingScorer(userEmb, itemEmb, dim);
    }

    /** Over a scorer of the right sizes, which it shares (a fold-in view shares its item tables). */
    private GraphRecommender(Interactions train, int dim, EmbeddingScorer scorer, TrainingSettings settings,
                             List<EpochStats> history, int bestEpoch, float[] projection, int featureDim,
                             ScoreDecomposition decomposition) {
        if (settings.dim() != dim) {
            throw new IllegalArgumentException("embeddings of dim " + dim + ", settings of dim " + settings.dim());
        }
        if (projection != null && projection.length != (long) featureDim * dim) {
            throw new IllegalArgumentException("projection has " + projection.length + " values for "
                    + featureDim + " x " + dim);
        }
        if (settings.textFed() != (projection != null)) {
            throw new IllegalArgumentException("settings " + (settings.textFed() ? "are" : "are not")
                    + " those of a text-fed model, the projection " + (projection == null ? "is missing" : "is given"));
        }
        this.users = train.users();
        this.items = train.items();
        this.train = train;
        this.dim = dim;
        this.scorer = scorer;
        this.settings = settings;
        this.history = List.copyOf(history);
        this.bestEpoch = bestEpoch;
        this.projection = projection == null ? null : projection.clone();
        this.featureDim = projection == null ? 0 : featureDim;
        if (decomposition != null && (decomposition.users() != train.numUsers() || decomposition.dim() != dim
                || decomposition.itemPartial().length != (long) train.numItems() * dim)) {
            throw new IllegalArgumentException("the decomposition does not match the model's sizes");
        }
        this.decomposition = decomposition;
    }

    /**
     * A model of given final embeddings (trained elsewhere, or for tests and benchmarks),
     * with the default settings of dimension {@code dim} and no history. The arrays are copied.
     *
     * @param train the interactions the model masks; its id spaces are the model's
     * @param userEmbeddings row-major {@code [users x dim]}
     * @param itemEmbeddings row-major {@code [items x dim]}
     * @throws IllegalArgumentException if the sizes do not match
     */
    public static GraphRecommender fromEmbeddings(Interactions train, float[] userEmbeddings, float[] itemEmbeddings,
                                                  int dim) {
        return new GraphRecommender(train, dim, userEmbeddings, itemEmbeddings,
                TrainingSettings.builder().dim(dim).build(), List.of(), 0, null, 0, null);
    }

    @Override
    public String family() {
        return FAMILY;
    }

    /** True if the model was trained with text features and can place new items and users from text. */
    public boolean textFed() {
        return projection != null;
    }

    /** Dimension of the text vectors the model takes (0 if it is not text-fed). */
    public int featureDim() {
        return featureDim;
    }

    /** A copy of the learned text projection {@code [featureDim x dim]}, row-major, or null. */
    public float[] projection() {
        return projection == null ? null : projection.clone();
    }

    /**
     * The final embedding a node with text vector {@code x} and no interactions gets: its
     * layer-0 embedding is {@code x·W} (no free embedding, nothing learned for it), and an
     * isolated node propagates nothing, so the layer mean is {@link ColdStartLoss#placement}.
     */
    private float[] coldEmbedding(float[] x) {
        if (projection == null) {
            throw new IllegalStateException("this model was not trained with text features");
        }
        if (x.length != featureDim) {
            throw new IllegalArgumentException("text vector has " + x.length + " components, the model takes " + featureDim);
        }
        for (int j = 0; j < x.length; j++) {
            // a NaN would silently empty every list it touches (NaN scores are never selected)
            if (!Float.isFinite(x[j])) {
                throw new IllegalArgumentException("text vector component " + j + " is " + x[j]);
            }
        }
        float[] e = ColdStartLoss.placement(x, projection, dim, settings.layers());
        return e;
    }

    /**
     * Returns a model that also knows item {@code itemId}, placed from its text vector alone
     * (cold start, no retraining). This model is unchanged.
     *
     * @throws IllegalStateException if the model is not text-fed
     * @throws IllegalArgumentException if the item exists or the vector has the wrong size
     */
    public GraphRecommender addItem(String itemId, float[] textVector) {
        if (items.contains(itemId)) {
            throw new IllegalArgumentException("item '" + itemId + "' is already in the model");
        }
        float[] e = coldEmbedding(textVector);
        IdMap more = IdMap.union(items, IdMap.of(List.of(itemId)));
        float[] itemEmb = scorer.itemEmbeddings();
        float[] itemEmb2 = java.util.Arrays.copyOf(itemEmb, itemEmb.length + dim);
        System.arraycopy(e, 0, itemEmb2, itemEmb.length, dim);
        ScoreDecomposition dec = null;
        if (decomposition != null) {
            // An item without edges propagates only its layer 0: h = α x·W, which is also where it lands.
            float[] h = java.util.Arrays.copyOf(decomposition.itemPartial(), itemEmb2.length);
            System.arraycopy(e, 0, h, itemEmb.length, dim);
            dec = new ScoreDecomposition(users.size(), dim, decomposition.self(), decomposition.text(),
                    decomposition.userPartial(), h, decomposition.itemRows(), decomposition.friendRows());
        }
        return new GraphRecommender(train.withIdSpaces(users, more), dim, scorer.userEmbeddings(), itemEmb2, settings, history,
                bestEpoch, projection, featureDim, dec);
    }

    /**
     * Top {@code k} items for a user known only by a history of items, friends among the
     * model's users and, for a text-fed model, a profile text vector (any may be empty),
     * excluding the history. The user's embedding is one propagation through their new row
     * ({@link ScoreDecomposition}: {@code e = α x·W + Σ_j P_uj h_j [+ Σ_v P_uv h_v]}, the
     * weights those training would have given the row). Friends enter that row only where the
     * model propagates over the social graph ({@code SOCIAL}); for the other kinds they are a
     * part of their own, the mean of their final embeddings, averaged with the history's part
     * when both are given. Without a history: the projected text, the friends' mean, or the mean
     * of the two.
     *
     * @throws java.util.NoSuchElementException if an item or friend id is unknown
     * @throws IllegalArgumentException if nothing is given, k < 1, or the profile has the wrong size
     * @throws IllegalStateException if a profile is given to a model without text, or a history to
     *     a model without a decomposition (SocialLGN, or a file of format version 3 or older)
     */
    @Override
    public List<Recommendation> recommendForHistory(List<String> historyItems, List<String> friends, float[] profile,
                                                    int k) {
        TopK.cappedK(k, items.size());   // refused before any work
        int[] hist = indices(historyItems, items);
        float[] e = foldIn(hist, indices(friends, users), profile);
        float[] s = new float[items.size()];
        scorer.scoreVector(e, s, 0);
        return TopLists.of(s, hist, 0, hist.length, k, items);
    }

    private static int[] indices(List<String> ids, IdMap map) {
        return ids.stream().mapToInt(map::require).distinct().sorted().toArray();
    }

    /** The embedding of a new user; see {@link #recommendForHistory}. */
    private float[] foldIn(int[] hist, int[] friends, float[] profile) {
        if (hist.length == 0 && friends.length == 0 && profile == null) {
            throw new IllegalArgumentException("a new user needs a history, friends or a profile text vector");
        }
        float[] own = profile == null ? null : coldEmbedding(profile);
        boolean socialRow = decomposition != null && decomposition.social();
        float[] fromFriends = null;
        if (friends.length > 0 && !socialRow) {
            fromFriends = new float[dim];
            for (int f : friends) {
                float[] ev = scorer.userEmbedding(f);
                for (int j = 0; j < dim; j++) {
                    fromFriends[j] += ev[j] / friends.length;
                }
            }
        }
        float[] row = null;
        if (hist.length > 0 || (socialRow && friends.length > 0)) {
            requireDecomposition();
            double beta = socialBeta();
            float[] iw = itemWeights(hist, hist);
            int[] fr = socialRow ? friends : new int[0];
            float[] fw = new float[fr.length];
            for (int q = 0; q < fr.length; q++) {
                fw[q] = ScoreDecomposition.friendWeight(beta, fr.length, decomposition.friendCount(fr[q]) + 1);
            }
            row = decomposition.embedding(own, hist, iw, fr, fw);
            own = null;   // now inside the row
        }
        float[][] parts = {row, own, fromFriends};
        float[] e = new float[dim];
        int n = 0;
        for (float[] part : parts) {
            if (part != null) {
                n++;
                for (int j = 0; j < dim; j++) {
                    e[j] += part[j];
                }
            }
        }
        for (int j = 0; j < dim; j++) {
            e[j] /= n;
        }
        return e;
    }

    /**
     * This model with {@code itemIds} added to the training row of {@code userId} (a new user
     * id joins the user space), without retraining: the user's embedding is rebuilt from their
     * new row by one propagation ({@link ScoreDecomposition}; the row's weights become those of
     * {@code |N(u)| + |new|} items, a new item's degree counting the new edge), their own
     * embedding and friends kept; every other user and every item keep their trained
     * embeddings. The items are masked from the user's lists from then on. This model is unchanged.
     *
     * @throws java.util.NoSuchElementException if an item id is unknown
     * @throws IllegalStateException for a model without a decomposition (see {@link #recommendForHistory})
     */
    @Override
    public GraphRecommender withInteractions(String userId, List<String> itemIds) {
        int[] add = indices(itemIds, items);
        requireDecomposition();
        boolean known = users.contains(userId);
        IdMap us = users;
        if (!known) {
            List<String> ids = new ArrayList<>(users.ids());
            ids.add(userId);
            us = IdMap.of(ids);
        }
        int u = us.require(userId);
        int[] old = known ? train.itemsOf(u) : new int[0];
        int[] fresh = java.util.Arrays.stream(add).filter(i -> java.util.Arrays.binarySearch(old, i) < 0).toArray();
        int[] row = java.util.stream.IntStream.concat(java.util.Arrays.stream(old), java.util.Arrays.stream(fresh))
                .sorted().toArray();
        float[] iw = itemWeights(row, fresh);
        ScoreDecomposition.Rows fr = decomposition.friendRows();
        int[] fc = known ? java.util.Arrays.copyOfRange(fr.cols(), fr.start()[u], fr.start()[u + 1]) : new int[0];
        float[] fw = known ? java.util.Arrays.copyOfRange(fr.weights(), fr.start()[u], fr.start()[u + 1]) : new float[0];
        float[] e = decomposition.embedding(known ? decomposition.own(u) : null, row, iw, fc, fw);
        Interactions base = known ? train : train.withIdSpaces(us, items);
        int[] uu = new int[fresh.length];
        java.util.Arrays.fill(uu, u);
        Interactions grown = base.concat(Interactions.of(us, items, uu, fresh, null, null));
        return new GraphRecommender(grown, dim, scorer.withUser(u, e), settings, history, bestEpoch, projection,
                featureDim, decomposition.withRows(u, row, iw, fc, fw, null));
    }

    /**
     * The exact decomposition of {@code score(userId, itemId)} over the user's own embedding
     * (kind {@code "self"}), their projected text ({@code "text"}, text-fed models), their
     * history items ({@code "item"}) and, where the model propagates over the social graph, their
     * friends ({@code "friend"}): {@link ScoreDecomposition}'s terms {@code P_uc h_c · e_i}.
     * Largest first by magnitude, at most {@code n}; the amounts of all parts sum to the score
     * (in double; the float score differs by rounding only).
     *
     * @throws java.util.NoSuchElementException if the user or item is unknown
     * @throws IllegalArgumentException if n < 1
     * @throws IllegalStateException for a model without a decomposition (see {@link #recommendForHistory})
     */
    @Override
    public List<Contribution> explain(String userId, String itemId, int n) {
        TopK.cappedK(n, Integer.MAX_VALUE);
        int u = users.require(userId);
        int i = items.require(itemId);
        requireDecomposition();
        float[] ei = scorer.itemEmbedding(i);
        List<Contribution> raw = new ArrayList<>();
        raw.add(new Contribution("self", userId, ScoreDecomposition.dot(decomposition.self(), u, dim, ei), 0));
        if (decomposition.text() != null) {
            raw.add(new Contribution("text", userId, ScoreDecomposition.dot(decomposition.text(), u, dim, ei), 0));
        }
        ScoreDecomposition.Rows ir = decomposition.itemRows();
        for (int q = ir.start()[u]; q < ir.start()[u + 1]; q++) {
            raw.add(new Contribution("item", items.id(ir.cols()[q]),
                    ir.weights()[q] * ScoreDecomposition.dot(decomposition.itemPartial(), ir.cols()[q], dim, ei), 0));
        }
        ScoreDecomposition.Rows fr = decomposition.friendRows();
        for (int q = fr.start()[u]; q < fr.start()[u + 1]; q++) {
            raw.add(new Contribution("friend", users.id(fr.cols()[q]),
                    fr.weights()[q] * ScoreDecomposition.dot(decomposition.userPartial(), fr.cols()[q], dim, ei), 0));
        }
        return Contribution.ranked(raw, n);
    }

    /** β of the social operator's rows, 0 where the operator does not propagate over friends. */
    private double socialBeta() {
        return decomposition.social() ? settings.socialWeight().orElse(0) : 0;
    }

    /**
     * {@link ScoreDecomposition#itemWeight} for each item of a user's row; the items in
     * {@code fresh} (sorted) are new edges, so their degree counts one more.
     */
    private float[] itemWeights(int[] row, int[] fresh) {
        double beta = socialBeta();
        int[] degree = train.itemDegrees();
        float[] w = new float[row.length];
        for (int q = 0; q < row.length; q++) {
            boolean isNew = java.util.Arrays.binarySearch(fresh, row[q]) >= 0;
            w[q] = ScoreDecomposition.itemWeight(beta, row.length, degree[row[q]] + (isNew ? 1 : 0));
        }
        return w;
    }

    private void requireDecomposition() {
        if (decomposition == null) {
            throw new IllegalStateException(settings.kind() == ModelKind.SOCIALLGN
                    ? "SocialLGN's fusion is not linear in a user's neighbours: it has no fold-in of a history nor"
                    + " explanations (serve new users from friends or text)"
                    : "this model has no neighbour decomposition (trained from embeddings, or saved before model format"
                    + " version 4): retrain it to fold in histories or explain scores");
        }
    }

    /** A builder with nothing set: {@link TrainingSettings}' defaults apply. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads a model written by {@link #save}, verifying its checksum, format version and family.
     *
     * @throws IOException if the file cannot be read, is corrupt, of a newer format version,
     *     or holds a model of another family (load those with {@link Recommender#load})
     */
    public static GraphRecommender load(Path file) throws IOException {
        Recommender r = ModelFile.read(file);
        if (r instanceof GraphRecommender g) {
            return g;
        }
        throw new IOException(file + ": holds a model of family '" + r.family() + "', not " + FAMILY
                + "; load it with Recommender.load");
    }

    @Override
    public void save(Path file) throws IOException {
        ModelFile.write(this, file);
    }

    @Override
    public List<Recommendation> recommend(String userId, int k) {
        TopK.cappedK(k, items.size());   // refused before any work
        int u = users.require(userId);
        float[] s = new float[items.size()];
        scorer.score(new int[] {u}, s);
        int[] rs = train.csrRowStart();
        return TopLists.of(s, train.csrItems(), rs[u], rs[u + 1], k, items);
    }

    @Override
    public void recommendBatch(List<String> userIds, int k, int blockSize, BiConsumer<String, List<Recommendation>> sink) {
        try (io.recsys4j.core.Workers workers = io.recsys4j.core.Workers.of(settings.threads())) {
            TopLists.batch(this, train, userIds, k, blockSize, workers, sink);
        }
    }

    @Override
    public float score(String userId, String itemId) {
        int u = users.require(userId);
        int i = items.require(itemId);
        return scorer.score(u, i);
    }

    @Override
    public int numItems() {
        return items.size();
    }

    /** Scores a block of users on the same path as every other door (see {@link EmbeddingScorer}). */
    @Override
    public void score(int[] userIndices, float[] out) {
        scorer.score(userIndices, out);
    }

    /** Evaluates on {@link TrainingSettings#threads()} threads. Build {@code test} and the training data through one {@link Dataset}. */
    @Override
    public EvaluationReport evaluate(Interactions test, int... ks) {
        try (RankingEvaluator ev = RankingEvaluator.builder().ks(ks).threads(settings.threads()).build()) {
            return ev.evaluate(this, train, test);
        }
    }

    @Override
    public IdMap users() {
        return users;
    }

    @Override
    public IdMap items() {
        return items;
    }

    @Override
    public Interactions trainingInteractions() {
        return train;
    }

    /** The neighbour decomposition the model file stores, or null. */
    ScoreDecomposition decomposition() {
        return decomposition;
    }

    /** Embedding dimension. */
    public int dim() {
        return dim;
    }

    /** A copy of the final user embeddings, row-major {@code [users x dim]}. */
    public float[] userEmbeddings() {
        return scorer.userEmbeddings();
    }

    /** A copy of the final item embeddings, row-major {@code [items x dim]}. */
    public float[] itemEmbeddings() {
        return scorer.itemEmbeddings();
    }

    /** The settings the model was trained with (every one of them is in its model file). */
    public TrainingSettings settings() {
        return settings;
    }

    /** Per-epoch statistics of the training run. */
    public List<EpochStats> history() {
        return history;
    }

    /** The epoch whose embeddings the model holds. */
    public int bestEpoch() {
        return bestEpoch;
    }

    @Override
    public String toString() {
        return "GraphRecommender[" + settings.kind().id() + ", " + users.size() + " users, " + items.size() + " items, dim "
                + dim + ", epoch " + bestEpoch + "]";
    }

    /**
     * The number of Adam steps below which {@link Builder#fit} warns that the model cannot
     * train: {@code MIN_TRAVEL / learningRate}. Adam moves a coordinate by about the learning
     * rate per step at most, so in fewer steps no embedding can travel {@value #MIN_TRAVEL},
     * five times the default initial spread; the model stays near its random start (at the
     * default rate: 500 steps, e.g. 400 epochs of 2 batches).
     */
    static long minimumSteps(double learningRate) {
        return (long) Math.ceil(MIN_TRAVEL / learningRate);
    }

    /** See {@link #minimumSteps}. */
    static final double MIN_TRAVEL = 0.5;

    /** The warning {@link Builder#fit} logs for these settings on {@code n} training interactions, if any. */
    static Optional<String> cannotTrainWarning(TrainingSettings s, int n) {
        long steps = (long) s.epochs() * ((n + s.batchSize() - 1) / s.batchSize());
        long min = minimumSteps(s.learningRate());
        if (steps >= min) {
            return Optional.empty();
        }
        return Optional.of(String.format(java.util.Locale.ROOT, "%d epochs of %d interactions in batches of %d are %d"
                + " optimiser steps; at learning rate %s the model needs at least %d to move from its random start:"
                + " raise epochs or learningRate, or lower batchSize", s.epochs(), n, s.batchSize(), steps,
                s.learningRate(), min));
    }

    /**
     * Data and settings of a training run. The settings setters are those of
     * {@link TrainingSettings.Builder} (each checks its argument at once and names the bad
     * value, defaults are {@link TrainingSettings}'); {@link #fit} checks the combination with
     * the data. The builder stays usable after fit.
     *
     * <p>Social graph rule: with no {@link #kind} set, the model is {@link ModelKind#SOCIALCL}
     * (the social model that measured best, see {@code docs/models.md}) if a social graph is present (from {@link #social} or {@link #data}) and
     * {@link ModelKind#LIGHTGCN} otherwise. {@code kind(LIGHTGCN)} with a graph given through
     * {@link #social} is an {@link IllegalArgumentException} (the graph would do nothing); a
     * graph that only came with {@link #data} is then left unused.
     *
     * <p>Validation: {@link #validation}, {@link #holdOut} or {@link #validator}, at most one;
     * any of them takes the place of a validation part that came with {@link #data}.
     */
    public static final class Builder {
        private Interactions train;
        private SocialGraph social;
        private SocialGraph dataSocial;
        private Interactions validation;
        private Interactions dataValidation;
        private double holdOut;
        private Consumer<EpochStats> listener;
        private float[][] itemText;
        private float[][] userText;
        private ToDoubleFunction<Scorer> validator;
        private TrainingSettings.Builder settings = TrainingSettings.builder();

        private Builder() {
        }

        private static float[][] copy(float[][] v) {
            if (v == null) {
                return null;
            }
            float[][] c = new float[v.length][];
            for (int r = 0; r < v.length; r++) {
                c[r] = v[r] == null ? null : v[r].clone();
            }
            return c;
        }

        /** Starts from {@code s}: each of its settings counts as set, later setters override. */
        public Builder settings(TrainingSettings s) {
            this.settings = s.toBuilder();
            return this;
        }

        /**
         * Text vectors of the items (one L2-normalised row per catalogue item, null for an
         * item without text), copied: the model becomes text-fed, layer 0 = free embedding + a
         * learned projection of the text, and can then place new items and users from text.
         */
        public Builder itemText(float[][] vectors) {
            this.itemText = copy(vectors);
            return this;
        }

        /**
         * Profile text vectors of the users (null rows allowed), copied; without them a user's
         * text vector is the normalised mean of its training items' vectors. Needs {@link #itemText}.
         */
        public Builder userText(float[][] vectors) {
            this.userText = copy(vectors);
            return this;
        }

        /** See {@link TrainingSettings.Builder#coldStartWeight}; needs {@link #itemText}. */
        public Builder coldStartWeight(double weight) {
            settings.coldStartWeight(weight);
            return this;
        }

        /** Training data, validation part and social graph of a data set (its test part is left alone). */
        public Builder data(Dataset d) {
            this.train = d.train();
            this.dataValidation = d.valid().orElse(null);
            this.dataSocial = d.social().orElse(null);
            return this;
        }

        /** Training interactions. */
        public Builder interactions(Interactions train) {
            this.train = Objects.requireNonNull(train, "train");
            return this;
        }

        /** The social graph over the same users; with no {@link #kind} set, the model is then {@link ModelKind#SOCIALCL}. */
        public Builder social(SocialGraph graph) {
            this.social = graph;
            return this;
        }

        /** Validation interactions for early stopping (never the test set). */
        public Builder validation(Interactions valid) {
            this.validation = valid;
            return this;
        }

        /**
         * Early stopping on a metric of one's own, e.g. recall on items held out of training
         * entirely: after every validated epoch it gets a scorer of the current embeddings
         * (valid during the call only), higher is better, and the best epoch's model is kept.
         */
        public Builder validator(ToDoubleFunction<Scorer> metric) {
            this.validator = metric;
            return this;
        }

        /**
         * Hold out this share of each user's training interactions (split with the seed) for
         * early stopping, in [0, 1). The model is <em>not</em> refitted on all the data after
         * the epoch is chosen: its embeddings are those fitted on the remaining {@code 1 - f},
         * at the best validated epoch; it masks all the training interactions. {@link #fit}
         * logs this. To refit, train again with {@link #epochs} set to the model's
         * {@link GraphRecommender#bestEpoch()} and no hold-out.
         */
        public Builder holdOut(double fraction) {
            if (!(fraction >= 0 && fraction < 1)) {
                throw new IllegalArgumentException("holdOut must be in [0, 1), found " + fraction);
            }
            this.holdOut = fraction;
            return this;
        }

        /** The propagation graph; see the class comment for the default. */
        public Builder kind(ModelKind k) {
            settings.kind(k);
            return this;
        }

        /** See {@link TrainingSettings.Builder#socialWeight}. */
        public Builder socialWeight(double beta) {
            settings.socialWeight(beta);
            return this;
        }

        /** See {@link TrainingSettings.Builder#contrastWeight}. */
        public Builder contrastWeight(double lambda) {
            settings.contrastWeight(lambda);
            return this;
        }

        /** See {@link TrainingSettings.Builder#contrastTemperature}. */
        public Builder contrastTemperature(double tau) {
            settings.contrastTemperature(tau);
            return this;
        }

        /** See {@link TrainingSettings.Builder#layers}. */
        public Builder layers(int k) {
            settings.layers(k);
            return this;
        }

        /** See {@link TrainingSettings.Builder#dim}. */
        public Builder dim(int d) {
            settings.dim(d);
            return this;
        }

        /** See {@link TrainingSettings.Builder#epochs}. */
        public Builder epochs(int n) {
            settings.epochs(n);
            return this;
        }

        /** See {@link TrainingSettings.Builder#batchSize}. */
        public Builder batchSize(int n) {
            settings.batchSize(n);
            return this;
        }

        /** See {@link TrainingSettings.Builder#learningRate}. */
        public Builder learningRate(double lr) {
            settings.learningRate(lr);
            return this;
        }

        /** See {@link TrainingSettings.Builder#regularization}. */
        public Builder regularization(double reg) {
            settings.regularization(reg);
            return this;
        }

        /** See {@link TrainingSettings.Builder#initStd}. */
        public Builder initStd(double std) {
            settings.initStd(std);
            return this;
        }

        /** See {@link TrainingSettings.Builder#seed}. */
        public Builder seed(long s) {
            settings.seed(s);
            return this;
        }

        /** See {@link TrainingSettings.Builder#threads}. */
        public Builder threads(int n) {
            settings.threads(n);
            return this;
        }

        /** See {@link TrainingSettings.Builder#evalEvery}; with validation and nothing set, 1. */
        public Builder evalEvery(int n) {
            settings.evalEvery(n);
            return this;
        }

        /** See {@link TrainingSettings.Builder#patience}; needs validation. */
        public Builder patience(int n) {
            settings.patience(n);
            return this;
        }

        /** See {@link TrainingSettings.Builder#validationK}. */
        public Builder validationK(int k) {
            settings.validationK(k);
            return this;
        }

        /** Told of every epoch (loss, seconds, validation). */
        public Builder onEpoch(Consumer<EpochStats> l) {
            this.listener = l;
            return this;
        }

        private boolean explicitValidation() {
            int n = (validation != null ? 1 : 0) + (holdOut > 0 ? 1 : 0) + (validator != null ? 1 : 0);
            if (n > 1) {
                throw new IllegalArgumentException("set at most one of validation(...), holdOut(...) and validator(...)");
            }
            return n == 1;
        }

        /**
         * The settings {@link #fit} would use, resolved against the data set so far.
         *
         * @throws IllegalArgumentException naming a setting that has no effect with this data
         */
        public TrainingSettings settings() {
            boolean explicit = explicitValidation();
            boolean validated = explicit || dataValidation != null;
            TrainingSettings.Builder b = settings.copy();
            if (!b.kindSet()) {
                b.kind(social != null || dataSocial != null ? ModelKind.SOCIALCL : ModelKind.LIGHTGCN);
            } else if (b.kindOrNull() == ModelKind.LIGHTGCN && social != null) {
                throw new IllegalArgumentException("social(...) has no effect with kind LIGHTGCN; set a social kind"
                        + " (SOCIALCL, SOCIAL, SOCIALLGN) or leave it unset to train SOCIALCL");
            }
            if (itemText == null) {
                if (b.coldStartWeightSet()) {
                    throw new IllegalArgumentException("coldStartWeight has no effect without itemText(...)");
                }
                if (userText != null) {
                    throw new IllegalArgumentException("userText has no effect without itemText(...)");
                }
            } else if (!b.coldStartWeightSet()) {
                b.coldStartWeight(TrainingSettings.DEFAULT_COLD_START_WEIGHT);
            }
            if (!b.evalEverySet() && validated) {
                b.evalEvery(1);
            }
            TrainingSettings s = b.build();
            if (s.evalEvery() > 0 && !validated) {
                throw new IllegalArgumentException("evalEvery has no effect without validation(...), holdOut(...),"
                        + " validator(...) or a data set with a validation part (found " + s.evalEvery() + ")");
            }
            if (s.evalEvery() == 0 && explicit) {
                throw new IllegalArgumentException((validation != null ? "validation(...)" : holdOut > 0 ? "holdOut(...)"
                        : "validator(...)") + " has no effect with evalEvery 0");
            }
            return s;
        }

        /**
         * Trains the model. Logs a warning when the settings leave too few optimiser steps
         * to train (see {@link GraphRecommender#minimumSteps}).
         *
         * @throws IllegalStateException if no training data was set, or the social model lacks a graph
         * @throws IllegalArgumentException naming a setting that has no effect with this data
         * @throws TrainingDivergedException if the loss becomes NaN or infinite
         */
        public GraphRecommender fit() {
            if (train == null) {
                throw new IllegalStateException("interactions(...) or data(...) is required");
            }
            TrainingSettings s = settings();
            SocialGraph graph = s.kind().usesSocial() ? (social != null ? social : dataSocial) : null;
            if (s.kind().usesSocial() && graph == null) {
                throw new IllegalStateException("the social model needs social(...)");
            }
            Interactions fitOn = train;
            Interactions valid = explicitValidation() ? validation : dataValidation;
            if (holdOut > 0) {
                Split split = Splits.randomPerUser(train, holdOut, s.seed());
                fitOn = split.train();
                valid = split.test();
                LOG.info("holdOut {}: fitting on {} of {} interactions to choose the epoch; the model is not refitted"
                        + " on all of them", holdOut, fitOn.size(), train.size());
            }
            cannotTrainWarning(s, fitOn.size()).ifPresent(LOG::warn);
            BprTrainer trainer = new BprTrainer(s, fitOn, graph, valid, listener).withValidator(validator);
            if (itemText != null) {
                trainer.withItemFeatures(itemText, userText);
            }
            BprTrainer.Result r = trainer.train();
            return new GraphRecommender(train, r.dim(), r.users(), r.items(), s, r.history(), r.bestEpoch(),
                    r.projection(), r.featureDim(), r.decomposition());
        }
    }
}
