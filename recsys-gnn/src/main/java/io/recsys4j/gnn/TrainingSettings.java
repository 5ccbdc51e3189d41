package io.recsys4j.gnn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The settings of a {@link GraphRecommender} training run: immutable, validated, and the
 * one place where defaults are written (the {@code DEFAULT_*} constants). The defaults are
 * those of the reference LightGCN runs (3 layers, dim 64, lr 0.001, reg 1e-4, batch 2048),
 * with a fixed thread count so that a seed gives the same model on any machine.
 *
 * <p>A setting that would have no effect is refused with an {@link IllegalArgumentException}
 * naming it: {@code socialWeight} with {@link ModelKind#LIGHTGCN}, {@code patience} above 0
 * without validation ({@code evalEvery} 0); the model builder adds the checks that need the
 * data ({@code coldStartWeight}, {@code userText} without item text, a social graph with
 * {@link ModelKind#LIGHTGCN}). {@link #socialWeight()} is
 * present only for {@link ModelKind#SOCIAL}, {@link #coldStartWeight()} only for a text-fed
 * model. The model file records every setting (see {@code docs/model-file.md}).
 *
 * <pre>{@code
 * TrainingSettings s = TrainingSettings.builder().kind(ModelKind.SOCIAL).socialWeight(0.3).epochs(100).build();
 * }</pre>
 */
public final class TrainingSettings {
    /** The widest embedding accepted: far beyond published recommenders (64-256), and refused before allocating. */
    public static final int MAX_DIM = 4096;

    /** Default social weight β of {@link ModelKind#SOCIAL} (chosen on a validation hold-out of Last.fm). */
    public static final double DEFAULT_SOCIAL_WEIGHT = 0.25;
    /**
     * Default weight λ of {@link ModelKind#SOCIALCL}'s contrastive term (chosen on a
     * validation hold-out of Last.fm's training data, see {@code docs/models.md}).
     */
    public static final double DEFAULT_CONTRAST_WEIGHT = 0.005;
    /** Default temperature τ of {@link ModelKind#SOCIALCL}'s contrastive term (chosen with the weight). */
    public static final double DEFAULT_CONTRAST_TEMPERATURE = 0.3;
    /** Default propagation layers K. */
    public static final int DEFAULT_LAYERS = 3;
    /** Default embedding dimension. */
    public static final int DEFAULT_DIM = 64;
    /** Default maximum epochs. */
    public static final int DEFAULT_EPOCHS = 400;
    /** Default triples per optimiser step. */
    public static final int DEFAULT_BATCH_SIZE = 2048;
    /** Default Adam learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    /** Default weight λ of the layer-0 L2 term. */
    public static final double DEFAULT_REGULARIZATION = 1e-4;
    /** Default standard deviation of the N(0, σ²) initial embeddings. */
    public static final double DEFAULT_INIT_STD = 0.1;
    /** Default random seed. */
    public static final long DEFAULT_SEED = 42;
    /**
     * Default threads of propagation and evaluation: fixed, not the machine's core count, so
     * that the default run is the same everywhere (results are identical for any thread
     * count; the count is recorded so a run can be repeated as it was).
     */
    public static final int DEFAULT_THREADS = io.recsys4j.core.Defaults.THREADS;
    /** Default K of the validation metric recall@K. */
    public static final int DEFAULT_VALIDATION_K = 20;
    /** Default weight ω of a text-fed model's cold-start term (see {@code loss.ColdStartLoss}). */
    public static final double DEFAULT_COLD_START_WEIGHT = 1.0;

    private final ModelKind kind;
    private final double socialWeight;      // NaN unless SOCIAL
    private final double contrastWeight;    // NaN unless SOCIALCL
    private final double contrastTemperature;
    private final int layers;
    private final int dim;
    private final int epochs;
    private final int batchSize;
    private final double learningRate;
    private final double regularization;
    private final double initStd;
    private final long seed;
    private final int threads;
    private final int evalEvery;
    private final int patience;
    private final int validationK;
    private final double coldStartWeight;   // NaN unless text-fed

    private TrainingSettings(Builder b) {
        this.kind = b.kind == null ? ModelKind.LIGHTGCN : b.kind;
        if (b.socialWeight != null && kind != ModelKind.SOCIAL) {
            throw new IllegalArgumentException("socialWeight has no effect with " + kind + " (found " + b.socialWeight
                    + "); set kind SOCIAL or leave socialWeight unset");
        }
        this.socialWeight = kind == ModelKind.SOCIAL ? or(b.socialWeight, DEFAULT_SOCIAL_WEIGHT) : Double.NaN;
        if ((b.contrastWeight != null || b.contrastTemperature != null) && kind != ModelKind.SOCIALCL) {
            throw new IllegalArgumentException("contrastWeight and contrastTemperature have no effect with " + kind
                    + "; set kind SOCIALCL or leave them unset");
        }
        boolean cl = kind == ModelKind.SOCIALCL;
        this.contrastWeight = cl ? or(b.contrastWeight, DEFAULT_CONTRAST_WEIGHT) : Double.NaN;
        this.contrastTemperature = cl ? or(b.contrastTemperature, DEFAULT_CONTRAST_TEMPERATURE) : Double.NaN;
        this.layers = or(b.layers, DEFAULT_LAYERS);
        this.dim = or(b.dim, DEFAULT_DIM);
        this.epochs = or(b.epochs, DEFAULT_EPOCHS);
        this.batchSize = or(b.batchSize, DEFAULT_BATCH_SIZE);
        this.learningRate = or(b.learningRate, DEFAULT_LEARNING_RATE);
        this.regularization = or(b.regularization, DEFAULT_REGULARIZATION);
        this.initStd = or(b.initStd, DEFAULT_INIT_STD);
        this.seed = b.seed == null ? DEFAULT_SEED : b.seed;
        this.threads = or(b.threads, DEFAULT_THREADS);
        this.evalEvery = or(b.evalEvery, 0);
        if (evalEvery == 0 && b.patience != null && b.patience > 0) {
            throw new IllegalArgumentException("patience has no effect without validation (found " + b.patience
                    + ", evalEvery 0)");
        }
        this.patience = or(b.patience, 0);
        this.validationK = or(b.validationK, DEFAULT_VALIDATION_K);
        this.coldStartWeight = b.coldStartWeight == null ? Double.NaN : b.coldStartWeight;
    }

    private static int or(Integer v, int dflt) {
        return v == null ? dflt : v;
    }

    private static double or(Double v, double dflt) {
        return v == null ? dflt : v;
    }

    /** The defaults: LightGCN, not text-fed, no validation. */
    public static TrainingSettings defaults() {
        return builder().build();
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, each as if set explicitly. */
    public Builder toBuilder() {
        return fromMap(toMap());
    }

    /** The propagation graph. */
    public ModelKind kind() {
        return kind;
    }

    /** β in [0, 1], present for {@link ModelKind#SOCIAL} only. */
    public OptionalDouble socialWeight() {
        return Double.isNaN(socialWeight) ? OptionalDouble.empty() : OptionalDouble.of(socialWeight);
    }

    /** λ >= 0 of the social contrastive term, present for {@link ModelKind#SOCIALCL} only. */
    public OptionalDouble contrastWeight() {
        return Double.isNaN(contrastWeight) ? OptionalDouble.empty() : OptionalDouble.of(contrastWeight);
    }

    /** τ > 0 of the social contrastive term, present for {@link ModelKind#SOCIALCL} only. */
    public OptionalDouble contrastTemperature() {
        return Double.isNaN(contrastTemperature) ? OptionalDouble.empty() : OptionalDouble.of(contrastTemperature);
    }

    /** Propagation layers K >= 0. */
    public int layers() {
        return layers;
    }

    /** Embedding dimension >= 1. */
    public int dim() {
        return dim;
    }

    /** Maximum epochs >= 1. */
    public int epochs() {
        return epochs;
    }

    /** Triples per optimiser step >= 1. */
    public int batchSize() {
        return batchSize;
    }

    /** Adam's step size > 0. */
    public double learningRate() {
        return learningRate;
    }

    /** λ >= 0, the weight of the layer-0 L2 term. */
    public double regularization() {
        return regularization;
    }

    /** σ > 0 of the initial embeddings. */
    public double initStd() {
        return initStd;
    }

    /** Seed of initialisation, sampling and hold-out splits. */
    public long seed() {
        return seed;
    }

    /** Threads of propagation and evaluation >= 1. */
    public int threads() {
        return threads;
    }

    /** Validate every this many epochs (0: never). */
    public int evalEvery() {
        return evalEvery;
    }

    /** Stop after this many validations without improvement (0: never stop early). */
    public int patience() {
        return patience;
    }

    /** The K of the validation metric {@code recall@K}. */
    public int validationK() {
        return validationK;
    }

    /** ω >= 0 of the cold-start term, present for a text-fed model only. */
    public OptionalDouble coldStartWeight() {
        return Double.isNaN(coldStartWeight) ? OptionalDouble.empty() : OptionalDouble.of(coldStartWeight);
    }

    /** True if the settings are those of a text-fed model. */
    public boolean textFed() {
        return !Double.isNaN(coldStartWeight);
    }

    /**
     * Every setting that applies, by name, in a fixed order, values as {@link #fromMap} reads
     * them back exactly (doubles in {@link Double#toString} form). This is what the model file stores.
     */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kind", kind.id());
        if (kind == ModelKind.SOCIAL) {
            m.put("socialWeight", Double.toString(socialWeight));
        }
        if (kind == ModelKind.SOCIALCL) {
            m.put("contrastWeight", Double.toString(contrastWeight));
            m.put("contrastTemperature", Double.toString(contrastTemperature));
        }
        m.put("layers", Integer.toString(layers));
        m.put("dim", Integer.toString(dim));
        m.put("epochs", Integer.toString(epochs));
        m.put("batchSize", Integer.toString(batchSize));
        m.put("learningRate", Double.toString(learningRate));
        m.put("regularization", Double.toString(regularization));
        m.put("initStd", Double.toString(initStd));
        m.put("seed", Long.toString(seed));
        m.put("threads", Integer.toString(threads));
        m.put("evalEvery", Integer.toString(evalEvery));
        if (evalEvery > 0) {
            m.put("patience", Integer.toString(patience));
            m.put("validationK", Integer.toString(validationK));
        }
        if (textFed()) {
            m.put("coldStartWeight", Double.toString(coldStartWeight));
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * A builder with the settings of {@code m} (as {@link #toMap} writes them) set.
     *
     * @throws IllegalArgumentException naming an unknown setting or a bad value
     */
    public static Builder fromMap(Map<String, String> m) {
        Builder b = builder();
        for (Map.Entry<String, String> e : m.entrySet()) {
            String v = e.getValue();
            try {
                switch (e.getKey()) {
                    case "kind" -> b.kind(ModelKind.parse(v));
                    case "socialWeight" -> b.socialWeight(Double.parseDouble(v));
                    case "contrastWeight" -> b.contrastWeight(Double.parseDouble(v));
                    case "contrastTemperature" -> b.contrastTemperature(Double.parseDouble(v));
                    case "layers" -> b.layers(Integer.parseInt(v));
                    case "dim" -> b.dim(Integer.parseInt(v));
                    case "epochs" -> b.epochs(Integer.parseInt(v));
                    case "batchSize" -> b.batchSize(Integer.parseInt(v));
                    case "learningRate" -> b.learningRate(Double.parseDouble(v));
                    case "regularization" -> b.regularization(Double.parseDouble(v));
                    case "initStd" -> b.initStd(Double.parseDouble(v));
                    case "seed" -> b.seed(Long.parseLong(v));
                    case "threads" -> b.threads(Integer.parseInt(v));
                    case "evalEvery" -> b.evalEvery(Integer.parseInt(v));
                    case "patience" -> b.patience(Integer.parseInt(v));
                    case "validationK" -> b.validationK(Integer.parseInt(v));
                    case "coldStartWeight" -> b.coldStartWeight(Double.parseDouble(v));
                    default -> throw new IllegalArgumentException("unknown setting '" + e.getKey() + "'");
                }
            } catch (NumberFormatException x) {
                throw new IllegalArgumentException("setting " + e.getKey() + ": not a number: '" + v + "'", x);
            }
        }
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingSettings s && toMap().equals(s.toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return "TrainingSettings" + toMap();
    }

    /**
     * Settings, each checked at once with the bad value named; what only a combination can
     * rule out is checked by {@link #build}. "Not set" stays distinct from "set to the default":
     * {@code socialWeight(0.25)} with {@link ModelKind#LIGHTGCN} is refused, an unset one is not.
     * The builder stays usable after {@link #build}.
     */
    public static final class Builder {
        private ModelKind kind;
        private Double socialWeight;
        private Double contrastWeight;
        private Double contrastTemperature;
        private Integer layers;
        private Integer dim;
        private Integer epochs;
        private Integer batchSize;
        private Double learningRate;
        private Double regularization;
        private Double initStd;
        private Long seed;
        private Integer threads;
        private Integer evalEvery;
        private Integer patience;
        private Integer validationK;
        private Double coldStartWeight;

        private Builder() {
        }

        /** A copy, for resolving what depends on the data without touching this builder. */
        Builder copy() {
            Builder b = new Builder();
            b.kind = kind;
            b.socialWeight = socialWeight;
            b.contrastWeight = contrastWeight;
            b.contrastTemperature = contrastTemperature;
            b.layers = layers;
            b.dim = dim;
            b.epochs = epochs;
            b.batchSize = batchSize;
            b.learningRate = learningRate;
            b.regularization = regularization;
            b.initStd = initStd;
            b.seed = seed;
            b.threads = threads;
            b.evalEvery = evalEvery;
            b.patience = patience;
            b.validationK = validationK;
            b.coldStartWeight = coldStartWeight;
            return b;
        }

        /** The propagation graph (default {@link ModelKind#LIGHTGCN}). */
        public Builder kind(ModelKind k) {
            this.kind = Objects.requireNonNull(k, "kind");
            return this;
        }

        /** β in [0, 1], the weight of social propagation; {@link ModelKind#SOCIAL} only (default {@value #DEFAULT_SOCIAL_WEIGHT}). */
        public Builder socialWeight(double beta) {
            if (!(beta >= 0 && beta <= 1)) {
                throw new IllegalArgumentException("socialWeight must be in [0, 1], found " + beta);
            }
            this.socialWeight = beta;
            return this;
        }

        /**
         * λ >= 0, the weight of the social contrastive term; {@link ModelKind#SOCIALCL} only
         * (default {@value #DEFAULT_CONTRAST_WEIGHT}; 0 trains plain LightGCN).
         */
        public Builder contrastWeight(double lambda) {
            if (!(lambda >= 0) || Double.isInfinite(lambda)) {
                throw new IllegalArgumentException("contrastWeight must be >= 0, found " + lambda);
            }
            this.contrastWeight = lambda;
            return this;
        }

        /**
         * τ > 0, the temperature of the social contrastive term; {@link ModelKind#SOCIALCL}
         * only (default {@value #DEFAULT_CONTRAST_TEMPERATURE}).
         */
        public Builder contrastTemperature(double tau) {
            if (!(tau >= 0.01 && tau <= 100)) {
                throw new IllegalArgumentException("contrastTemperature must be in [0.01, 100], found " + tau);
            }
            this.contrastTemperature = tau;
            return this;
        }

        /** Propagation layers >= 0 (default {@value #DEFAULT_LAYERS}). */
        public Builder layers(int k) {
            this.layers = atLeast(k, 0, "layers");
            return this;
        }

        /** Embedding dimension >= 1 (default {@value #DEFAULT_DIM}). */
        public Builder dim(int d) {
            if (d > MAX_DIM) {
                throw new IllegalArgumentException("dim must be in 1.." + MAX_DIM + ", found " + d);
            }
            this.dim = atLeast(d, 1, "dim");
            return this;
        }

        /** Maximum epochs >= 1 (default {@value #DEFAULT_EPOCHS}). */
        public Builder epochs(int n) {
            this.epochs = atLeast(n, 1, "epochs");
            return this;
        }

        /** Triples per optimiser step >= 1 (default {@value #DEFAULT_BATCH_SIZE}). */
        public Builder batchSize(int n) {
            this.batchSize = atLeast(n, 1, "batchSize");
            return this;
        }

        /** Adam learning rate > 0 (default {@value #DEFAULT_LEARNING_RATE}). */
        public Builder learningRate(double lr) {
            if (!(lr > 0 && Double.isFinite(lr))) {
                throw new IllegalArgumentException("learningRate must be > 0, found " + lr);
            }
            this.learningRate = lr;
            return this;
        }

        /** Weight λ >= 0 of the layer-0 L2 term (default {@value #DEFAULT_REGULARIZATION}). */
        public Builder regularization(double reg) {
            if (!(reg >= 0 && Double.isFinite(reg))) {
                throw new IllegalArgumentException("regularization must be >= 0, found " + reg);
            }
            this.regularization = reg;
            return this;
        }

        /** Standard deviation > 0 of the initial embeddings (default {@value #DEFAULT_INIT_STD}). */
        public Builder initStd(double std) {
            if (!(std > 0 && Double.isFinite(std))) {
                throw new IllegalArgumentException("initStd must be > 0, found " + std);
            }
            this.initStd = std;
            return this;
        }

        /** Random seed (default {@value #DEFAULT_SEED}). Same seed, same data: same model. */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** Threads >= 1 of propagation and evaluation (default {@value #DEFAULT_THREADS}). */
        public Builder threads(int n) {
            this.threads = atLeast(n, 1, "threads");
            return this;
        }

        /** Validate every n >= 0 epochs (default 0: never; 1 when the model builder is given validation). */
        public Builder evalEvery(int n) {
            this.evalEvery = atLeast(n, 0, "evalEvery");
            return this;
        }

        /** Stop after this many validations without improvement (default 0: never); needs validation. */
        public Builder patience(int n) {
            this.patience = atLeast(n, 0, "patience");
            return this;
        }

        /** K >= 1 of the validation metric recall@K (default {@value #DEFAULT_VALIDATION_K}). */
        public Builder validationK(int k) {
            this.validationK = atLeast(k, 1, "validationK");
            return this;
        }

        /**
         * Weight ω >= 0 of a text-fed model's cold-start term (default
         * {@value #DEFAULT_COLD_START_WEIGHT}; 0 turns it off). Setting it makes the settings
         * those of a text-fed model.
         */
        public Builder coldStartWeight(double weight) {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("coldStartWeight must be >= 0, found " + weight);
            }
            this.coldStartWeight = weight;
            return this;
        }

        boolean kindSet() {
            return kind != null;
        }

        ModelKind kindOrNull() {
            return kind;
        }

        boolean coldStartWeightSet() {
            return coldStartWeight != null;
        }

        boolean evalEverySet() {
            return evalEvery != null;
        }

        private static int atLeast(int v, int min, String what) {
            if (v < min) {
                throw new IllegalArgumentException(what + " must be >= " + min + ", found " + v);
            }
            return v;
        }

        /**
         * The settings.
         *
         * @throws IllegalArgumentException naming a setting that has no effect in this combination
         */
        public TrainingSettings build() {
            return new TrainingSettings(this);
        }
    }
}
