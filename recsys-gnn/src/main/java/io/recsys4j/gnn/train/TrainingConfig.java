package io.recsys4j.gnn.train;

import java.util.Locale;

/**
 * Immutable hyperparameters of BPR training; the defaults are those of the reference
 * LightGCN runs (3 layers, dim 64, lr 0.001, reg 1e-4, batch 2048).
 *
 * @param model {@code lightgcn} or {@code social}
 * @param socialWeight β of the social operator (social model only), in [0, 1]
 * @param layers propagation layers K >= 0
 * @param dim embedding dimension >= 1
 * @param epochs maximum epochs >= 1
 * @param batchSize triples per step >= 1
 * @param learningRate Adam's step size > 0
 * @param regularization weight of the layer-0 L2 term >= 0
 * @param initStd standard deviation of the N(0, σ²) initialisation > 0
 * @param seed random seed of initialisation and sampling
 * @param threads threads of the propagation kernel and evaluation >= 1
 * @param evalEvery validate every this many epochs (0: never)
 * @param patience stop after this many validations without improvement (0: never stop early)
 * @param validationK the K of the validation metric {@code recall@K}
 */
public record TrainingConfig(String model, double socialWeight, int layers, int dim, int epochs, int batchSize,
                             double learningRate, double regularization, double initStd, long seed, int threads,
                             int evalEvery, int patience, int validationK) {
    /** Checks every value and names the bad one. */
    public TrainingConfig {
        model = model.toLowerCase(Locale.ROOT);
        if (!model.equals("lightgcn") && !model.equals("social")) {
            throw new IllegalArgumentException("model must be lightgcn or social, found '" + model + "'");
        }
        check(socialWeight >= 0 && socialWeight <= 1, "socialWeight must be in [0, 1]", socialWeight);
        check(layers >= 0, "layers must be >= 0", layers);
        check(dim >= 1, "dim must be >= 1", dim);
        check(epochs >= 1, "epochs must be >= 1", epochs);
        check(batchSize >= 1, "batchSize must be >= 1", batchSize);
        check(learningRate > 0 && Double.isFinite(learningRate), "learningRate must be > 0", learningRate);
        check(regularization >= 0 && Double.isFinite(regularization), "regularization must be >= 0", regularization);
        check(initStd > 0 && Double.isFinite(initStd), "initStd must be > 0", initStd);
        check(threads >= 1, "threads must be >= 1", threads);
        check(evalEvery >= 0, "evalEvery must be >= 0", evalEvery);
        check(patience >= 0, "patience must be >= 0", patience);
        check(validationK >= 1, "validationK must be >= 1", validationK);
    }

    private static void check(boolean ok, String what, double value) {
        if (!ok) {
            throw new IllegalArgumentException(what + ", found " + value);
        }
    }

    /** The reference settings: LightGCN, 3 layers, dim 64, 400 epochs, lr 0.001, reg 1e-4, batch 2048, seed 42. */
    public static TrainingConfig defaults() {
        return new TrainingConfig("lightgcn", 0.25, 3, 64, 400, 2048, 0.001, 1e-4, 0.1, 42,
                Runtime.getRuntime().availableProcessors(), 0, 0, 20);
    }

    /** True for the social model. */
    public boolean social() {
        return model.equals("social");
    }
}
