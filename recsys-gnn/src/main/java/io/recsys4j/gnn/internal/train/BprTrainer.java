package io.recsys4j.gnn.internal.train;

import io.recsys4j.core.Interactions;
import io.recsys4j.core.Scorer;
import io.recsys4j.core.SocialGraph;
import io.recsys4j.eval.RankingEvaluator;
import io.recsys4j.gnn.EpochStats;
import io.recsys4j.gnn.ModelKind;
import io.recsys4j.gnn.TrainingDivergedException;
import io.recsys4j.gnn.TrainingSettings;
import io.recsys4j.gnn.internal.graph.Adjacency;
import io.recsys4j.gnn.internal.graph.CsrMatrix;
import io.recsys4j.gnn.internal.loss.BprLoss;
import io.recsys4j.gnn.internal.loss.ColdStartLoss;
import io.recsys4j.gnn.internal.loss.L2Regularization;
import io.recsys4j.gnn.internal.loss.SocialContrastLoss;
import io.recsys4j.gnn.internal.model.LightGcnNetwork;
import io.recsys4j.gnn.internal.model.SocialLgnNetwork;
import io.recsys4j.gnn.internal.propagation.Propagation;
import io.recsys4j.gnn.internal.propagation.Propagations;
import io.recsys4j.gnn.internal.sampling.TripleSampler;
import io.recsys4j.gnn.internal.serving.EmbeddingScorer;
import io.recsys4j.gnn.internal.serving.ScoreDecomposition;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains LightGCN (or its social variant) with BPR as the reference code does, so results
 * compare: layer-0 embeddings from N(0, σ²); per epoch the triples of {@link TripleSampler};
 * per batch the loss {@link BprLoss} on the final embeddings + {@link L2Regularization} on the
 * layer-0 rows (+ {@link ColdStartLoss} for a text-fed model, + {@link SocialContrastLoss}
 * over the batch's users and their friends for {@link ModelKind#SOCIALCL}), and one Adam step on all
 * layer-0 embeddings (and the text projection). The gradient
 * is exact: each step propagates the current embeddings forward and the loss gradient
 * backward through the same K layers. Validation computes the final embeddings once for all
 * users (the reference recomputes them for every batch of 100 users).
 *
 * <p>The trainer owns its training state (embeddings, Adam moments, buffers) and is used
 * once: {@link #train} returns the final embeddings.
 */
public final class BprTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(BprTrainer.class);
    private final TrainingSettings config;
    private final Interactions train;
    private final SocialGraph social;
    private final Interactions validation;
    private final Consumer<EpochStats> listener;
    private FeatureRows featureRows;
    private final double coldStartWeight;
    private ToDoubleFunction<Scorer> validator;

    /**
     * @param train training interactions (for the graph, the triples and masking)
     * @param social the social graph over the same users; required for the social model
     * @param validation held-out interactions for early stopping, or null (never the test set)
     * @param listener told of every epoch, or null
     */
    public BprTrainer(TrainingSettings config, Interactions train, SocialGraph social, Interactions validation,
                      Consumer<EpochStats> listener) {
        if (config.kind().usesSocial() && social == null) {
            throw new IllegalArgumentException("the social model needs a social graph");
        }
        this.config = config;
        this.train = train;
        this.social = social;
        this.validation = validation;
        this.listener = listener;
        // Features given without text-fed settings (tests' withFeatures) get the default weight.
        this.coldStartWeight = config.coldStartWeight().orElse(TrainingSettings.DEFAULT_COLD_START_WEIGHT);
    }

    /**
     * Gives every node a text feature vector: the layer-0 embedding becomes
     * {@code e⁰ = f + x·W}, a free embedding {@code f} plus a learned projection {@code W} of
     * the node's features {@code x}, trained end to end. Rows of zeros (no text) leave the free
     * embedding alone. Regularisation stays on the free embeddings.
     *
     * @param x {@code [users + items, m]}, users first, as the propagation's nodes
     * @return this trainer
     */
    public BprTrainer withFeatures(INDArray x) {
        if (x.rows() != (long) train.numUsers() + train.numItems()) {
            throw new IllegalArgumentException("features have " + x.rows() + " rows for "
                    + (train.numUsers() + train.numItems()) + " nodes");
        }
        this.featureRows = FeatureRows.of(x);
        return this;
    }

    /**
     * Early stopping on a metric of one's own instead of recall@K on the validation
     * interactions: after every validated epoch it gets a scorer of the current final
     * embeddings (safe to use only during the call), higher is better. A text-fed model's
     * nodes with text and no edges are scored as a new item would be, so held-out items
     * can be validated as cold items.
     */
    public BprTrainer withValidator(ToDoubleFunction<Scorer> metric) {
        this.validator = metric;
        return this;
    }

    /**
     * As {@link #withFeatures}, from item text vectors: a user with a profile vector has it
     * as features, any other user the L2-normalised sum of their training items' vectors
     * (computed from the items' projections at each step, never materialised).
     *
     * @param items one vector per item, null for an item without text
     * @param users one per user (null entries derived from items), or null to derive all
     */
    public BprTrainer withItemFeatures(float[][] items, float[][] users) {
        if (items.length != train.numItems() || (users != null && users.length != train.numUsers())) {
            throw new IllegalArgumentException("text vectors for " + items.length + " items and "
                    + (users == null ? "no" : users.length) + " users; the data has " + train.numItems()
                    + " items and " + train.numUsers() + " users");
        }
        this.featureRows = FeatureRows.ofItems(items, users, train);
        return this;
    }

    /**
     * Final user and item embeddings with the training history; {@code projection} is the
     * learned {@code [m x dim]} text projection, or null without features.
     */
    public record Result(float[] users, float[] items, int dim, List<EpochStats> history, int bestEpoch,
                         float[] projection, int featureDim, ScoreDecomposition decomposition) {
    }

    /** The propagation operator of the configured model. */
    public CsrMatrix operator() {
        return config.kind() == ModelKind.SOCIAL
                ? Adjacency.socialOperator(train, social, config.socialWeight().orElseThrow())
                : Adjacency.normalizedBipartite(train);
    }

    /**
     * Trains and returns the embeddings of the best validated epoch (or the last epoch
     * without validation).
     *
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public Result train() {
        int users = train.numUsers();
        int n = users + train.numItems();
        int d = config.dim();
        try (Session session = open()) {
            Step step = session.step;
            SplittableRandom rnd = new SplittableRandom(config.seed());
            List<EpochStats> history = new ArrayList<>();
            double best = Double.NEGATIVE_INFINITY;
            int bestEpoch = 0;
            INDArray bestE0 = null;
            INDArray bestW = null;
            INDArray bestFusion = null;
            int stale = 0;
            LOG.info("training {} on {} users x {} items ({} interactions), {} layers, dim {}, {} propagation",
                    config.kind().id(), users, train.numItems(), train.size(), config.layers(), d, session.prop.name());
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                long t0 = System.nanoTime();
                int[][] t = session.sampleEpoch(rnd);
                double loss = 0;
                int batches = 0;
                for (int from = 0; from < t[0].length; from += config.batchSize()) {
                    int to = Math.min(t[0].length, from + config.batchSize());
                    double l = step.run(t[0], t[1], t[2], from, to, epoch);
                    if (!Double.isFinite(l)) {
                        throw new TrainingDivergedException("loss became " + l + " at epoch " + epoch + ", batch "
                                + (batches + 1) + "; lower the learning rate (" + config.learningRate() + ")");
                    }
                    loss += l;
                    batches++;
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                double valid = Double.NaN;
                if ((validation != null || validator != null) && config.evalEvery() > 0
                        && epoch % config.evalEvery() == 0) {
                    valid = validator != null ? validator.applyAsDouble(currentScorer(step)) : validate(step);
                    if (valid > best) {
                        best = valid;
                        bestEpoch = epoch;
                        bestE0 = step.e0.dup();
                        bestW = step.w == null ? null : step.w.dup();
                        bestFusion = step.fusion == null ? null : step.fusion.dup();
                        stale = 0;
                    } else {
                        stale++;
                    }
                }
                EpochStats s = new EpochStats(epoch, loss / Math.max(1, batches), seconds, valid);
                history.add(s);
                LOG.info("epoch {}/{}: loss {} in {} s{}", epoch, config.epochs(), String.format("%.5f", s.loss()),
                        String.format("%.2f", seconds), Double.isNaN(valid) ? ""
                                : validator != null ? String.format(", validation %.4f", valid)
                                : String.format(", validation recall@%d %.4f", config.validationK(), valid));
                if (listener != null) {
                    listener.accept(s);
                }
                if (config.patience() > 0 && stale >= config.patience()) {
                    LOG.info("early stop after epoch {}: no better validation for {} checks (best {} at epoch {})",
                            epoch, stale, String.format("%.4f", best), bestEpoch);
                    break;
                }
            }
            if (bestE0 != null) {
                step.e0.assign(bestE0);
                if (bestW != null) {
                    step.w.assign(bestW);
                }
                if (bestFusion != null) {
                    step.fusion.assign(bestFusion);
                }
            } else {
                bestEpoch = history.size();
            }
            float[] partial = step.fusionNet == null ? new float[n * d] : null;
            float[] all = step.finalEmbeddings(partial);
            float[] u = java.util.Arrays.copyOfRange(all, 0, users * d);
            float[] i = java.util.Arrays.copyOfRange(all, users * d, n * d);
            return new Result(u, i, d, List.copyOf(history), bestEpoch,
                    step.w == null ? null : step.w.dup('c').data().asFloat(),
                    featureRows == null ? 0 : featureRows.cols(),
                    partial == null ? null : step.decomposition(partial, session.graph));
        }
    }

    /**
     * Opens the training state for a loop of one's own (a benchmark, a custom schedule):
     * embeddings initialised as {@link #train} does, one Adam step per {@link Session#step}.
     */
    public Session open() {
        return new Session();
    }

    /** Training state opened by {@link #open}; not thread-safe. Close it to stop its threads. */
    public final class Session implements AutoCloseable {
        private final Propagation prop;
        private final Propagation socialProp;
        private final Step step;
        private final CsrMatrix graph;
        private final TripleSampler sampler = new TripleSampler(train);

        private Session() {
            this.graph = operator();
            this.prop = Propagations.forBackend(graph, config.threads());
            this.socialProp = config.kind() == ModelKind.SOCIALLGN
                    ? Propagations.forBackend(Adjacency.normalizedSocial(social), config.threads()) : null;
            this.step = new Step(graph, prop, socialProp, prop.nodes(), train.numUsers(), config.dim());
            step.initialise(new Random(config.seed()));
        }

        /** One epoch's (user, positive, negative) triples, as {@link #train} samples them. */
        public int[][] sampleEpoch(SplittableRandom random) {
            return sampler.epoch(random);
        }

        /**
         * One Adam step on triples {@code [from, to)} of the arrays; returns the batch's loss.
         *
         * @param epoch the 1-based epoch, which the updater's schedule sees
         */
        public double step(int[] users, int[] positives, int[] negatives, int from, int to, int epoch) {
            return step.run(users, positives, negatives, from, to, epoch);
        }

        /**
         * One epoch as {@link #train} runs it (without validation): sampled triples in batches
         * of the configured size; returns the summed batch losses.
         *
         * @param epoch the 1-based epoch, which the updater's schedule sees
         */
        public double epoch(SplittableRandom random, int epoch) {
            int[][] t = sampleEpoch(random);
            double loss = 0;
            for (int f = 0; f < t[0].length; f += config.batchSize()) {
                loss += step(t[0], t[1], t[2], f, Math.min(t[0].length, f + config.batchSize()), epoch);
            }
            return loss;
        }

        @Override
        public void close() {
            prop.close();
            if (socialProp != null) {
                socialProp.close();
            }
        }
    }

    private EmbeddingScorer currentScorer(Step step) {
        float[] fin = step.finalEmbeddings();
        int split = train.numUsers() * config.dim();
        return new EmbeddingScorer(java.util.Arrays.copyOfRange(fin, 0, split),
                java.util.Arrays.copyOfRange(fin, split, fin.length), config.dim());
    }

    private double validate(Step step) {
        try (RankingEvaluator ev = RankingEvaluator.builder().ks(config.validationK()).auc(false)
                .threads(config.threads()).build()) {
            return ev.evaluate(currentScorer(step), train, validation).mean("recall@" + config.validationK());
        }
    }

    /** A training step over {@code prop} with freshly initialised embeddings, for tests. */
    Step newStep(Propagation prop) {
        Step s = new Step(operator(), prop, null, prop.nodes(), train.numUsers(), config.dim());
        s.initialise(new Random(config.seed()));
        return s;
    }

    /**
     * Users per step in the contrastive term (each the others' negatives): its cost grows with
     * the square of this, and 128 keeps a Last.fm epoch within 1.5x of LightGCN's (256: 1.7x).
     */
    static final int CONTRAST_USERS = 128;

    /** One BPR step's state and buffers. */
    final class Step {
        final INDArray e0;
        final INDArray w;
        private final INDArray layer0;
        private final INDArray gW;
        private final GradientUpdater<?> adamW;
        private final float[] fin;
        private final float[] gFin;
        private final boolean[] active;
        private final INDArray gE0;
        private final int[] textOnly;
        private final LightGcnNetwork net;
        /** SocialLGN's network and its fusion parameters, or null for the linear kinds. */
        private final SocialLgnNetwork fusionNet;
        final INDArray fusion;
        private final INDArray gFusion;
        private final GradientUpdater<?> adamFusion;
        private final GradientUpdater<?> adam;
        private final int users;
        private final int d;
        private float[] eu = new float[0];
        private float[] ep = new float[0];
        private float[] en = new float[0];
        private float[] gu = new float[0];
        private float[] gp = new float[0];
        private float[] gn = new float[0];
        private int iteration;
        /** SOCIALCL's friend lists (CSR over users), or null. */
        private final int[] friendStart;
        private final int[] friends;
        private final double contrastWeight;
        private final double contrastTemperature;

        Step(CsrMatrix graph, Propagation prop, Propagation socialProp, int n, int users, int d) {
            this.users = users;
            this.d = d;
            this.e0 = Nd4j.create(DataType.FLOAT, n, d);
            this.fin = new float[n * d];
            this.gFin = new float[n * d];
            this.active = new boolean[n];
            this.gE0 = Nd4j.create(DataType.FLOAT, n, d);
            this.net = new LightGcnNetwork(prop, config.layers(), d);
            // PyTorch's Adam defaults, as the reference uses: betas (0.9, 0.999), eps 1e-8.
            Adam conf = new Adam(config.learningRate(), 0.9, 0.999, 1e-8);
            INDArray state = Nd4j.create(DataType.FLOAT, 1, conf.stateSize((long) n * d));
            this.adam = conf.instantiate(state, true);
            if (socialProp != null) {
                this.fusionNet = new SocialLgnNetwork(prop, socialProp, users, config.layers(), d);
                int m = SocialLgnNetwork.parameterCount(d);
                this.fusion = Nd4j.create(DataType.FLOAT, 1, m);
                this.gFusion = Nd4j.create(DataType.FLOAT, 1, m);
                this.adamFusion = conf.instantiate(Nd4j.create(DataType.FLOAT, 1, conf.stateSize(m)), true);
            } else {
                this.fusionNet = null;
                this.fusion = null;
                this.gFusion = null;
                this.adamFusion = null;
            }
            if (featureRows != null) {
                long m = featureRows.cols();
                this.w = Nd4j.create(DataType.FLOAT, m, d);
                this.gW = Nd4j.create(DataType.FLOAT, m, d);
                this.layer0 = Nd4j.create(DataType.FLOAT, n, d);
                INDArray stateW = Nd4j.create(DataType.FLOAT, 1, conf.stateSize(m * d));
                this.adamW = conf.instantiate(stateW, true);
            } else {
                this.w = null;
                this.gW = null;
                this.layer0 = e0;
                this.adamW = null;
            }
            this.textOnly = featureRows == null ? new int[0] : textOnlyNodes(graph);
            boolean cl = config.kind() == ModelKind.SOCIALCL;
            this.friendStart = cl ? social.csrRowStart() : null;
            this.friends = cl ? social.csrNeighbours() : null;
            this.contrastWeight = cl ? config.contrastWeight().orElseThrow() : 0;
            this.contrastTemperature = cl ? config.contrastTemperature().orElseThrow() : 1;
        }

        /**
         * The users of the contrastive term: the batch's distinct users with friends, in batch
         * order (the batch is shuffled), at most {@link #CONTRAST_USERS}; none without a term.
         */
        private int[] contrastUsers(int[] u, int from, int to) {
            if (friendStart == null || contrastWeight == 0) {
                return new int[0];
            }
            java.util.BitSet seen = new java.util.BitSet(users);
            int[] out = new int[Math.min(CONTRAST_USERS, to - from)];
            int m = 0;
            for (int k = from; k < to && m < out.length; k++) {
                int v = u[k];
                if (!seen.get(v) && friendStart[v + 1] > friendStart[v]) {
                    seen.set(v);
                    out[m++] = v;
                }
            }
            return java.util.Arrays.copyOf(out, m);
        }

        /**
         * Nodes with text but no edges. Their free embedding would learn nothing but noise
         * (an item without interactions is only ever a negative), so it is held at zero and
         * their layer-0 embedding is the projected text alone, as for an item added later.
         */
        private int[] textOnlyNodes(CsrMatrix graph) {
            int[] start = graph.rowStart();
            return java.util.stream.IntStream.range(0, graph.rows())
                    .filter(v -> start[v + 1] == start[v] && featureRows.hasRow(v)).toArray();
        }

        private void zeroRows(INDArray m) {
            FloatBuffer b = m.data().asNioFloat();
            float[] zeros = new float[d];
            for (int v : textOnly) {
                b.put(v * d, zeros, 0, d);
            }
        }

        /** N(0, σ²) from java.util.Random, so a seed gives the same start on any backend. */
        void initialise(Random random) {
            float[] v = new float[(int) e0.length()];
            for (int k = 0; k < v.length; k++) {
                v[k] = (float) (random.nextGaussian() * config.initStd());
            }
            e0.data().asNioFloat().put(0, v, 0, v.length);
            zeroRows(e0);
            if (fusion != null) {
                float[] p = SocialLgnNetwork.initialParameters(d, random);
                fusion.data().asNioFloat().put(0, p, 0, p.length);
            }
            if (w != null) {
                // Feature rows are L2-normalised, so x·W has the free embeddings' scale.
                float[] wv = new float[(int) w.length()];
                for (int k = 0; k < wv.length; k++) {
                    wv[k] = (float) (random.nextGaussian() * config.initStd());
                }
                w.data().asNioFloat().put(0, wv, 0, wv.length);
            }
        }

        /** The layer-0 embeddings: the free ones, plus the projected features if any. */
        private INDArray layer0() {
            if (w != null) {
                float[] out = featureRows.product(w);
                float[] free = e0.data().asFloat();
                for (int k = 0; k < out.length; k++) {
                    out[k] += free[k];
                }
                layer0.data().asNioFloat().put(0, out, 0, out.length);
            }
            return layer0;
        }

        float[] finalEmbeddings() {
            return finalEmbeddings(null);
        }

        /** With {@code partial} (linear kinds only), also LightGCN's {@code h}; see {@link ScoreDecomposition}. */
        float[] finalEmbeddings(float[] partial) {
            if (fusionNet != null) {
                fusionNet.forward(floats(layer0()), floats(fusion), fin);
            } else {
                net.forward(layer0(), fin, partial);
            }
            return fin;
        }

        /** The users' side of {@link ScoreDecomposition}: α × their free and text layer-0 parts. */
        ScoreDecomposition decomposition(float[] partial, CsrMatrix graph) {
            float alpha = 1f / (config.layers() + 1);
            float[] self = new float[users * d];
            e0.data().asNioFloat().get(0, self, 0, self.length);
            float[] text = null;
            if (w != null) {
                float[] xw = featureRows.product(w);
                text = java.util.Arrays.copyOf(xw, users * d);
                for (int k = 0; k < text.length; k++) {
                    text[k] *= alpha;
                }
            }
            for (int k = 0; k < self.length; k++) {
                self[k] *= alpha;
            }
            return ScoreDecomposition.of(users, d, self, text, partial, graph);
        }

        /** One batch: returns its loss and takes one Adam step. */
        double run(int[] u, int[] p, int[] ng, int from, int to, int epoch) {
            double loss = lossAndGradient(u, p, ng, from, to);
            if (fusion != null) {
                adamFusion.applyUpdater(gFusion, iteration, epoch - 1);
                fusion.subi(gFusion);
            }
            if (w != null) {
                adamW.applyUpdater(gW, iteration, epoch - 1);
                w.subi(gW);
            }
            zeroRows(gE0);
            adam.applyUpdater(gE0, iteration++, epoch - 1);
            e0.subi(gE0);
            return loss;
        }

        /**
         * Returns the batch's loss (BPR, plus the cold-start term of a text-fed model, plus
         * L2) and leaves its gradient with respect to the layer-0 embeddings in {@link #gE0}
         * and, for a text-fed model, with respect to W in {@link #gW}.
         */
        double lossAndGradient(int[] u, int[] p, int[] ng, int from, int to) {
            int b = to - from;
            if (eu.length < b * d) {
                eu = new float[b * d];
                ep = new float[b * d];
                en = new float[b * d];
                gu = new float[b * d];
                gp = new float[b * d];
                gn = new float[b * d];
            }
            int[] occurrences = occurrences(u, p, ng, from, to);
            int[] contrast = contrastUsers(u, from, to);
            // The contrastive term reads (and writes the gradient of) the friends' rows too.
            int[] rows = java.util.stream.IntStream.concat(java.util.Arrays.stream(occurrences),
                    java.util.Arrays.stream(contrast).flatMap(v -> java.util.Arrays.stream(friends, friendStart[v],
                            friendStart[v + 1]))).sorted().distinct().toArray();
            float[] fusionParams = null;
            if (fusionNet != null) {
                // The fusion's norm couples every user: the whole forward pass, every step.
                fusionParams = floats(fusion);
                fusionNet.forward(floats(layer0()), fusionParams, fin);
            } else {
                net.forwardRows(layer0(), rows, fin);
            }
            for (int k = 0; k < b; k++) {
                System.arraycopy(fin, u[from + k] * d, eu, k * d, d);
                System.arraycopy(fin, (users + p[from + k]) * d, ep, k * d, d);
                System.arraycopy(fin, (users + ng[from + k]) * d, en, k * d, d);
            }
            double loss = BprLoss.lossAndGradient(eu, ep, en, b, d, gu, gp, gn);
            for (int k = 0; k < b; k++) {
                addRow(u[from + k], gu, k);
                addRow(users + p[from + k], gp, k);
                addRow(users + ng[from + k], gn, k);
            }
            if (contrast.length > 0) {
                loss += SocialContrastLoss.lossAndAddGradient(fin, contrast, friendStart, friends, d,
                        contrastTemperature, contrastWeight, gFin);
            }
            ColdStartLoss.Term cold = null;
            if (w != null && coldStartWeight > 0) {
                int[] pos = new int[b];
                int[] neg = new int[b];
                for (int k = 0; k < b; k++) {
                    pos[k] = users + p[from + k];
                    neg[k] = users + ng[from + k];
                }
                cold = ColdStartLoss.of(java.util.Arrays.copyOf(eu, b * d), pos, neg, d, featureRows,
                        w.data().asFloat(), config.layers(), coldStartWeight);
                loss += cold.loss();
                for (int k = 0; k < b; k++) {
                    cold.addUserGradient(k, gFin, u[from + k] * d);
                }
            }
            if (fusionNet != null) {
                float[] g0 = new float[(int) gE0.length()];
                float[] gp = new float[(int) gFusion.length()];
                fusionNet.backward(gFin, fusionParams, g0, gp);
                gE0.data().asNioFloat().put(0, g0, 0, g0.length);
                gFusion.data().asNioFloat().put(0, gp, 0, gp.length);
            } else {
                for (int r : rows) {
                    active[r] = true;
                }
                net.backward(gFin, active, gE0);
                for (int r : rows) {
                    active[r] = false;
                }
            }
            // Clear only the rows this batch touched; the rest of gFin is still zero.
            for (int v : rows) {
                java.util.Arrays.fill(gFin, v * d, (v + 1) * d, 0f);
            }
            if (w != null) {
                // dW = Xᵀ · dE⁰, before the regularisation (which is on the free embeddings only).
                float[] g = new float[(int) gW.length()];
                featureRows.transposeProduct(gE0.data().asFloat(), d, g);
                if (cold != null) {
                    cold.addProjectionGradient(g);
                }
                gW.data().asNioFloat().put(0, g, 0, g.length);
            }
            return loss + L2Regularization.lossAndAddGradient(e0.data().asNioFloat(), gE0.data().asNioFloat(),
                    occurrences, b, d, config.regularization());
        }

        /** The batch's nodes in triple order (user, positive, negative), repeats kept. */
        private int[] occurrences(int[] u, int[] p, int[] ng, int from, int to) {
            int b = to - from;
            int[] rows = new int[3 * b];
            for (int k = 0; k < b; k++) {
                rows[3 * k] = u[from + k];
                rows[3 * k + 1] = users + p[from + k];
                rows[3 * k + 2] = users + ng[from + k];
            }
            return rows;
        }

        private void addRow(int node, float[] src, int k) {
            int o = node * d;
            for (int j = 0; j < d; j++) {
                gFin[o + j] += src[k * d + j];
            }
        }

        /** A heap copy of a C-order array, in bulk. */
        private float[] floats(INDArray m) {
            float[] v = new float[(int) m.length()];
            m.data().asNioFloat().get(0, v, 0, v.length);
            return v;
        }

        INDArray gradient() {
            return gE0;
        }

        INDArray projectionGradient() {
            return gW;
        }
    }
}
