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
import io.recsys4j.gnn.io.ModelFile;
import io.recsys4j.gnn.serving.EmbeddingScorer;
import io.recsys4j.gnn.train.BprTrainer;
import io.recsys4j.gnn.train.EpochStats;
import io.recsys4j.gnn.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained graph recommender (LightGCN, or LightGCN with social propagation): final user
 * and item embeddings, the training interactions it masks, its configuration and training
 * history. Immutable; {@link #recommend}, {@link #score} and {@link #evaluate} are safe to
 * call from many threads at once.
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
public final class GraphRecommender implements Scorer {
    private final IdMap users;
    private final IdMap items;
    private final int dim;
    private final float[] userEmb;
    private final float[] itemEmb;
    private final Interactions train;
    private final TrainingConfig config;
    private final List<EpochStats> history;
    private final int bestEpoch;
    private final float[] projection;   // [featureDim x dim] text projection W, or null
    private final int featureDim;
    private volatile EmbeddingScorer blockScorer;

    /** For the trainer and the model file: takes the arrays without copying. */
    public GraphRecommender(Interactions train, int dim, float[] userEmb, float[] itemEmb, TrainingConfig config,
                            List<EpochStats> history, int bestEpoch) {
        this(train, dim, userEmb, itemEmb, config, history, bestEpoch, null, 0);
    }

    /**
     * As above, for a text-fed model with its learned projection {@code W} ({@code [featureDim x dim]},
     * row-major), or null.
     */
    public GraphRecommender(Interactions train, int dim, float[] userEmb, float[] itemEmb, TrainingConfig config,
                            List<EpochStats> history, int bestEpoch, float[] projection, int featureDim) {
        if (userEmb.length != (long) train.numUsers() * dim || itemEmb.length != (long) train.numItems() * dim) {
            throw new IllegalArgumentException("embedding sizes do not match " + train.numUsers() + " users, "
                    + train.numItems() + " items, dim " + dim);
        }
        this.users = train.users();
        this.items = train.items();
        this.train = train;
        this.dim = dim;
        this.userEmb = userEmb;
        this.itemEmb = itemEmb;
        this.config = config;
        this.history = List.copyOf(history);
        this.bestEpoch = bestEpoch;
        if (projection != null && projection.length != (long) featureDim * dim) {
            throw new IllegalArgumentException("projection has " + projection.length + " values for "
                    + featureDim + " x " + dim);
        }
        this.projection = projection;
        this.featureDim = projection == null ? 0 : featureDim;
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
     * isolated node propagates nothing, so the layer mean is {@code x·W / (K+1)}.
     */
    private float[] coldEmbedding(float[] x) {
        if (projection == null) {
            throw new IllegalStateException("this model was not trained with text features");
        }
        if (x.length != featureDim) {
            throw new IllegalArgumentException("text vector has " + x.length + " components, the model takes " + featureDim);
        }
        float[] e = new float[dim];
        for (int f = 0; f < featureDim; f++) {
            float v = x[f];
            if (v != 0) {
                for (int j = 0; j < dim; j++) {
                    e[j] += v * projection[f * dim + j];
                }
            }
        }
        float scale = 1f / (config.layers() + 1);
        for (int j = 0; j < dim; j++) {
            e[j] *= scale;
        }
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
        float[] itemEmb2 = java.util.Arrays.copyOf(itemEmb, itemEmb.length + dim);
        System.arraycopy(e, 0, itemEmb2, itemEmb.length, dim);
        return new GraphRecommender(train.withIdSpaces(users, more), dim, userEmb, itemEmb2, config, history,
                bestEpoch, projection, featureDim);
    }

    /**
     * Top {@code k} items for a user the model has never seen: from a profile text vector
     * (placed like a cold item), from friends known to the model (the mean of their
     * embeddings), or from both (the mean of the two).
     *
     * @param profile the user's text vector, or null
     * @param friends ids of known users, may be empty
     * @throws IllegalArgumentException if neither a profile nor a known friend is given
     */
    public List<Recommendation> recommendForNewUser(float[] profile, List<String> friends, int k) {
        float[] fromFriends = null;
        if (!friends.isEmpty()) {
            fromFriends = new float[dim];
            for (String f : friends) {
                int v = users.require(f);
                for (int j = 0; j < dim; j++) {
                    fromFriends[j] += userEmb[v * dim + j] / friends.size();
                }
            }
        }
        float[] fromText = profile == null ? null : coldEmbedding(profile);
        if (fromText == null && fromFriends == null) {
            throw new IllegalArgumentException("a new user needs a profile text vector or known friends");
        }
        float[] e = new float[dim];
        for (int j = 0; j < dim; j++) {
            e[j] = fromText == null ? fromFriends[j] : fromFriends == null ? fromText[j] : (fromText[j] + fromFriends[j]) / 2;
        }
        int n = items.size();
        float[] s = new float[n];
        for (int i = 0; i < n; i++) {
            float d = 0;
            for (int j = 0; j < dim; j++) {
                d += e[j] * itemEmb[i * dim + j];
            }
            s[i] = d;
        }
        int[] top = new int[k];
        float[] heap = new float[k];
        int got = TopK.select(s, 0, n, new int[0], 0, 0, k, top, heap);
        List<Recommendation> out = new ArrayList<>(got);
        for (int j = 0; j < got; j++) {
            out.add(new Recommendation(items.id(top[j]), s[top[j]]));
        }
        return out;
    }

    /** A builder with the reference LightGCN settings. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads a model written by {@link #save}, verifying its format version and checksum.
     *
     * @throws IOException if the file cannot be read, is of another format or version, or is corrupt
     */
    public static GraphRecommender load(Path file) throws IOException {
        return ModelFile.read(file);
    }

    /** Writes the model to a temporary file beside {@code file}, then moves it into place. */
    public void save(Path file) throws IOException {
        ModelFile.write(this, file);
    }

    /**
     * The top {@code k} items for a known user, best first, excluding the user's training
     * items (ties by item index).
     *
     * @throws java.util.NoSuchElementException if the user is unknown
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public List<Recommendation> recommend(String userId, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, found " + k);
        }
        int u = users.require(userId);
        float[] s = new float[items.size()];
        scoreRow(u, s, 0);
        int[] top = new int[k];
        float[] heap = new float[k];
        int[] rs = train.csrRowStart();
        int n = TopK.select(s, 0, s.length, train.csrItems(), rs[u], rs[u + 1], k, top, heap);
        List<Recommendation> out = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            out.add(new Recommendation(items.id(top[j]), s[top[j]]));
        }
        return out;
    }

    /**
     * Top-{@code k} lists for many users, streamed: users are scored in blocks of
     * {@code blockSize} with one BLAS product each, so memory is {@code blockSize x items}
     * floats however many users there are. {@code sink} receives each user's list in the
     * order given, on the calling thread.
     *
     * @throws java.util.NoSuchElementException if a user is unknown
     * @throws IllegalArgumentException if k or blockSize is below 1
     */
    public void recommendBatch(List<String> userIds, int k, int blockSize,
                               java.util.function.BiConsumer<String, List<Recommendation>> sink) {
        int[] indices = new int[userIds.size()];
        for (int j = 0; j < indices.length; j++) {
            indices[j] = users.require(userIds.get(j));
        }
        int[] position = {0};
        TopK.forUsers(this, train, indices, k, blockSize, (u, top, scores) -> {
            List<Recommendation> out = new ArrayList<>(top.length);
            for (int r = 0; r < top.length; r++) {
                out.add(new Recommendation(items.id(top[r]), scores[r]));
            }
            sink.accept(userIds.get(position[0]++), out);
        });
    }

    /**
     * The model's score of an item for a user.
     *
     * @throws java.util.NoSuchElementException if the user or item is unknown
     */
    public float score(String userId, String itemId) {
        int u = users.require(userId);
        int i = items.require(itemId);
        float s = 0;
        for (int j = 0; j < dim; j++) {
            s += userEmb[u * dim + j] * itemEmb[i * dim + j];
        }
        return s;
    }

    private void scoreRow(int u, float[] out, int off) {
        int n = items.size();
        int ub = u * dim;
        for (int i = 0; i < n; i++) {
            int ib = i * dim;
            float s = 0;
            for (int j = 0; j < dim; j++) {
                s += userEmb[ub + j] * itemEmb[ib + j];
            }
            out[off + i] = s;
        }
    }

    @Override
    public int numItems() {
        return items.size();
    }

    /** Scores blocks of users with one BLAS product per block (see {@link EmbeddingScorer}). */
    @Override
    public void score(int[] userIndices, float[] out) {
        EmbeddingScorer s = blockScorer;
        if (s == null) {
            synchronized (this) {
                s = blockScorer;
                if (s == null) {
                    s = new EmbeddingScorer(Nd4j.create(userEmb, new long[] {users.size(), dim}, 'c'),
                            Nd4j.create(itemEmb, new long[] {items.size(), dim}, 'c'));
                    blockScorer = s;
                }
            }
        }
        s.score(userIndices, out);
    }

    /**
     * Full-ranking evaluation on {@code test} (all non-training items are candidates),
     * streamed in blocks of users.
     *
     * @param test held-out interactions over this model's id spaces (build both through {@link Dataset})
     * @param ks cut-offs
     */
    public EvaluationReport evaluate(Interactions test, int... ks) {
        return RankingEvaluator.builder().ks(ks).threads(config.threads()).build().evaluate(this, train, test);
    }

    /** The user id space. */
    public IdMap users() {
        return users;
    }

    /** The item id space (the catalogue). */
    public IdMap items() {
        return items;
    }

    /** The training interactions the model masks. */
    public Interactions trainingInteractions() {
        return train;
    }

    /** Embedding dimension. */
    public int dim() {
        return dim;
    }

    /** A copy of the final user embeddings, row-major {@code [users x dim]}. */
    public float[] userEmbeddings() {
        return userEmb.clone();
    }

    /** A copy of the final item embeddings, row-major {@code [items x dim]}. */
    public float[] itemEmbeddings() {
        return itemEmb.clone();
    }

    /** The training configuration. */
    public TrainingConfig config() {
        return config;
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
        return "GraphRecommender[" + config.model() + ", " + users.size() + " users, " + items.size() + " items, dim "
                + dim + ", epoch " + bestEpoch + "]";
    }

    /**
     * Settings of a training run. Each setter checks its argument at once and names the bad
     * value; {@link #fit} checks the combination. The builder stays usable after fit.
     */
    public static final class Builder {
        private Interactions train;
        private SocialGraph social;
        private Interactions validation;
        private double holdOut;
        private String model;
        private double socialWeight = 0.25;
        private int layers = 3;
        private int dim = 64;
        private int epochs = 400;
        private int batchSize = 2048;
        private double learningRate = 0.001;
        private double regularization = 1e-4;
        private double initStd = 0.1;
        private long seed = 42;
        private int threads = Runtime.getRuntime().availableProcessors();
        private int evalEvery;
        private int patience;
        private int validationK = 20;
        private Consumer<EpochStats> listener;
        private float[][] itemText;
        private float[][] userText;
        private double coldStartWeight = BprTrainer.DEFAULT_COLD_START_WEIGHT;
        private java.util.function.ToDoubleFunction<io.recsys4j.core.Scorer> validator;

        private Builder() {
        }

        /**
         * Text vectors of the items (one L2-normalised row per catalogue item, null for an
         * item without text): the model becomes text-fed, layer 0 = free embedding + a learned
         * projection of the text, and can then place new items and users from text.
         */
        public Builder itemText(float[][] vectors) {
            this.itemText = vectors;
            return this;
        }

        /**
         * Weight of the text-fed model's cold-start term (default 1; 0 turns it off): see
         * {@link BprTrainer#withColdStartWeight}. Training only; the model file does not keep it.
         */
        public Builder coldStartWeight(double weight) {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("coldStartWeight must be >= 0, found " + weight);
            }
            this.coldStartWeight = weight;
            return this;
        }

        /**
         * Profile text vectors of the users (null rows allowed); without them a user's text
         * vector is the normalised mean of its training items' vectors.
         */
        public Builder userText(float[][] vectors) {
            this.userText = vectors;
            return this;
        }

        /** Training data, validation data and social graph of a data set (its test part is left alone). */
        public Builder data(Dataset d) {
            this.train = d.train();
            this.validation = d.valid().orElse(null);
            this.social = d.social().orElse(null);
            return this;
        }

        /** Training interactions. */
        public Builder interactions(Interactions train) {
            this.train = Objects.requireNonNull(train, "train");
            return this;
        }

        /** The social graph over the same users; with it the model defaults to {@code social}. */
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
         * entirely: after every epoch it gets a scorer of the current embeddings (valid during
         * the call only), higher is better, and the best epoch's model is kept. Replaces
         * {@link #validation} and {@link #holdOut}; null (the default) turns it off.
         */
        public Builder validator(java.util.function.ToDoubleFunction<io.recsys4j.core.Scorer> metric) {
            this.validator = metric;
            return this;
        }

        /** Hold out this share of each user's training interactions for early stopping, in [0, 1). */
        public Builder holdOut(double fraction) {
            if (!(fraction >= 0 && fraction < 1)) {
                throw new IllegalArgumentException("holdOut must be in [0, 1), found " + fraction);
            }
            this.holdOut = fraction;
            return this;
        }

        /** {@code lightgcn} or {@code social}; default: social when a social graph is set. */
        public Builder model(String name) {
            String m = name.toLowerCase(java.util.Locale.ROOT);
            if (!m.equals("lightgcn") && !m.equals("social")) {
                throw new IllegalArgumentException("model must be lightgcn or social, found '" + name + "'");
            }
            this.model = m;
            return this;
        }

        /** β, the weight of social propagation in the social model (default 0.25, chosen on a validation hold-out of Last.fm). */
        public Builder socialWeight(double beta) {
            if (!(beta >= 0 && beta <= 1)) {
                throw new IllegalArgumentException("socialWeight must be in [0, 1], found " + beta);
            }
            this.socialWeight = beta;
            return this;
        }

        /** Propagation layers (default 3). */
        public Builder layers(int k) {
            this.layers = atLeast(k, 0, "layers");
            return this;
        }

        /** Embedding dimension (default 64). */
        public Builder dim(int d) {
            this.dim = atLeast(d, 1, "dim");
            return this;
        }

        /** Maximum epochs (default 400). */
        public Builder epochs(int n) {
            this.epochs = atLeast(n, 1, "epochs");
            return this;
        }

        /** Triples per step (default 2048). */
        public Builder batchSize(int n) {
            this.batchSize = atLeast(n, 1, "batchSize");
            return this;
        }

        /** Adam learning rate (default 0.001). */
        public Builder learningRate(double lr) {
            if (!(lr > 0 && Double.isFinite(lr))) {
                throw new IllegalArgumentException("learningRate must be > 0, found " + lr);
            }
            this.learningRate = lr;
            return this;
        }

        /** Weight of the layer-0 L2 term (default 1e-4). */
        public Builder regularization(double reg) {
            if (!(reg >= 0 && Double.isFinite(reg))) {
                throw new IllegalArgumentException("regularization must be >= 0, found " + reg);
            }
            this.regularization = reg;
            return this;
        }

        /** Standard deviation of the initial embeddings (default 0.1). */
        public Builder initStd(double std) {
            if (!(std > 0 && Double.isFinite(std))) {
                throw new IllegalArgumentException("initStd must be > 0, found " + std);
            }
            this.initStd = std;
            return this;
        }

        /** Random seed (default 42). Same seed, same thread count: same model. */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** Threads of propagation and evaluation (default: all cores). */
        public Builder threads(int n) {
            this.threads = atLeast(n, 1, "threads");
            return this;
        }

        /** Validate every n epochs (default 0: never). */
        public Builder evalEvery(int n) {
            this.evalEvery = atLeast(n, 0, "evalEvery");
            return this;
        }

        /** Stop after this many validations without improvement (default 0: never). */
        public Builder patience(int n) {
            this.patience = atLeast(n, 0, "patience");
            return this;
        }

        /** K of the validation metric recall@K (default 20). */
        public Builder validationK(int k) {
            this.validationK = atLeast(k, 1, "validationK");
            return this;
        }

        /** Told of every epoch (loss, seconds, validation). */
        public Builder onEpoch(Consumer<EpochStats> l) {
            this.listener = l;
            return this;
        }

        private static int atLeast(int v, int min, String what) {
            if (v < min) {
                throw new IllegalArgumentException(what + " must be >= " + min + ", found " + v);
            }
            return v;
        }

        /** The configuration {@link #fit} would use. */
        public TrainingConfig config() {
            String m = model != null ? model : social != null ? "social" : "lightgcn";
            return new TrainingConfig(m, socialWeight, layers, dim, epochs, batchSize, learningRate, regularization,
                    initStd, seed, threads, evalEvery, patience, validationK);
        }

        /**
         * Trains the model.
         *
         * @throws IllegalStateException if no training data was set, or the social model lacks a graph
         * @throws io.recsys4j.gnn.train.TrainingDivergedException if the loss becomes NaN or infinite
         */
        public GraphRecommender fit() {
            if (train == null) {
                throw new IllegalStateException("interactions(...) or data(...) is required");
            }
            TrainingConfig c = config();
            if (c.social() && social == null) {
                throw new IllegalStateException("the social model needs social(...)");
            }
            if ((validation != null ? 1 : 0) + (holdOut > 0 ? 1 : 0) + (validator != null ? 1 : 0) > 1) {
                throw new IllegalStateException("set one of validation(...), holdOut(...) and validator(...)");
            }
            if ((validation != null || holdOut > 0 || validator != null) && evalEvery == 0) {
                c = new TrainingConfig(c.model(), c.socialWeight(), c.layers(), c.dim(), c.epochs(), c.batchSize(),
                        c.learningRate(), c.regularization(), c.initStd(), c.seed(), c.threads(), 1, c.patience(),
                        c.validationK());
            }
            Interactions fitOn = train;
            Interactions valid = validation;
            if (holdOut > 0) {
                Split s = Splits.randomPerUser(train, holdOut, seed);
                fitOn = s.train();
                valid = s.test();
            }
            BprTrainer trainer = new BprTrainer(c, fitOn, social, valid, listener).withValidator(validator);
            if (itemText != null) {
                trainer.withItemFeatures(itemText, userText).withColdStartWeight(coldStartWeight);
            }
            BprTrainer.Result r = trainer.train();
            return new GraphRecommender(train, r.dim(), r.users(), r.items(), c, r.history(), r.bestEpoch(),
                    r.projection(), r.featureDim());
        }
    }
}
