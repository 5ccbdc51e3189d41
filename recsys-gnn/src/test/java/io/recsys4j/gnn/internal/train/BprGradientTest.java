package io.recsys4j.gnn.internal.train;

import io.recsys4j.core.synthetic.SyntheticWorld;
import io.recsys4j.gnn.GradientCheck;
import io.recsys4j.gnn.ModelKind;
import io.recsys4j.gnn.TrainingSettings;
import io.recsys4j.gnn.internal.propagation.CsrCpuPropagation;
import io.recsys4j.gnn.internal.propagation.Propagation;
import org.junit.jupiter.api.Test;

class BprGradientTest {
    private static final SyntheticWorld W = SyntheticWorld.builder().users(10).items(14).interactions(50)
            .categories(2).seed(4).build();

    private enum Features { NONE, DENSE, SPARSE, FROM_ITEMS }

    /** Large initial embeddings and regularisation so that every term of the loss matters. */
    private static TrainingSettings.Builder settings(ModelKind model) {
        TrainingSettings.Builder b = TrainingSettings.builder().kind(model).layers(2).dim(3).epochs(1).batchSize(5)
                .learningRate(0.001).regularization(0.5).initStd(0.5).seed(11).threads(1);
        return model == ModelKind.SOCIAL ? b.socialWeight(0.3)
                : model == ModelKind.SOCIALCL ? b.contrastWeight(0.8).contrastTemperature(0.3) : b;
    }

    private static void check(ModelKind model) {
        check(model, Features.NONE);
    }

    private static void check(ModelKind model, Features features) {
        check(model, features, TrainingSettings.DEFAULT_COLD_START_WEIGHT);
    }

    private static void check(ModelKind model, Features features, double coldStartWeight) {
        boolean withFeatures = features != Features.NONE;
        TrainingSettings c = settings(model).coldStartWeight(coldStartWeight).build();
        BprTrainer trainer = new BprTrainer(c, W.interactions(), W.social(), null, null);
        if (features == Features.FROM_ITEMS) {
            trainer.withItemFeatures(itemVectors(), userVectors());
        } else if (withFeatures) {
            int nodes = W.interactions().numUsers() + W.interactions().numItems();
            org.nd4j.linalg.api.ndarray.INDArray x = org.nd4j.linalg.factory.Nd4j.rand(
                    org.nd4j.linalg.api.buffer.DataType.FLOAT, nodes, features == Features.SPARSE ? 12 : 4);
            if (features == Features.SPARSE) {
                // One non-zero per row in 12 columns: stored compressed, products by the sparse loops.
                for (int r = 0; r < nodes; r++) {
                    for (int col = 0; col < 12; col++) {
                        if (col != (r * 5) % 12) {
                            x.putScalar(r, col, 0);
                        }
                    }
                }
                org.junit.jupiter.api.Assertions.assertTrue(FeatureRows.of(x).sparse());
            }
            x.getRow(2).assign(0);
            trainer.withFeatures(x);
        }
        // Repeated users and items within the batch check that gradient rows accumulate.
        int[] u = {0, 3, 3, 7, 9};
        int[] p = {W.interactions().itemsOf(0)[0], W.interactions().itemsOf(3)[0], W.interactions().itemsOf(3)[1],
            W.interactions().itemsOf(7)[0], W.interactions().itemsOf(9)[0]};
        int[] n = {13, 12, 13, 0, 1};
        try (Propagation prop = new CsrCpuPropagation(trainer.operator(), 1)) {
            BprTrainer.Step step = trainer.newStep(prop);
            step.lossAndGradient(u, p, n, 0, u.length);
            org.nd4j.linalg.api.ndarray.INDArray analytic = step.gradient().dup();
            GradientCheck.check(model + " BPR + reg", step.e0, analytic,
                    () -> step.lossAndGradient(u, p, n, 0, u.length), 1e-2, 1e-3);
            if (withFeatures) {
                step.lossAndGradient(u, p, n, 0, u.length);
                org.nd4j.linalg.api.ndarray.INDArray gw = step.projectionGradient().dup();
                GradientCheck.check(model + " text projection", step.w, gw,
                        () -> step.lossAndGradient(u, p, n, 0, u.length), 1e-2, 1e-3);
            }
        }
    }

    /** Random item vectors, item 3 without text. */
    private static float[][] itemVectors() {
        java.util.Random r = new java.util.Random(5);
        float[][] v = new float[W.interactions().numItems()][];
        for (int i = 0; i < v.length; i++) {
            if (i != 3) {
                v[i] = new float[] {r.nextFloat(), 0, r.nextFloat() - 0.5f, r.nextFloat(), 0, 0};
            }
        }
        return v;
    }

    /** Users 0 and 5 have a profile vector; the others are derived from their items. */
    private static float[][] userVectors() {
        float[][] v = new float[W.interactions().numUsers()][];
        v[0] = new float[] {0.5f, 0.1f, 0, 0, 0.3f, 0};
        v[5] = new float[] {0, 0, 1, 0, 0, 0};
        return v;
    }

    @Test
    void featuresDerivedFromItems_gradientsMatchFiniteDifferences() {
        check(ModelKind.LIGHTGCN, Features.FROM_ITEMS);
        check(ModelKind.SOCIAL, Features.FROM_ITEMS);
    }

    @Test
    void coldStartWeight_zeroAndOtherValues_gradientsMatchFiniteDifferences() {
        check(ModelKind.LIGHTGCN, Features.FROM_ITEMS, 0);
        check(ModelKind.SOCIAL, Features.FROM_ITEMS, 2.5);
    }

    @Test
    void featuresDerivedFromItems_equalTheMaterialisedNormalisedSums() {
        float[][] items = itemVectors();
        float[][] users = userVectors();
        io.recsys4j.core.Interactions train = W.interactions();
        int m = 6;
        int nu = train.numUsers();
        float[] x = new float[(nu + train.numItems()) * m];
        for (int u = 0; u < nu; u++) {
            float[] p = users[u];
            if (p == null) {
                p = new float[m];
                for (int i : train.itemsOf(u)) {
                    if (items[i] != null) {
                        for (int j = 0; j < m; j++) {
                            p[j] += items[i][j];
                        }
                    }
                }
                double n = 0;
                for (float f : p) {
                    n += f * f;
                }
                for (int j = 0; j < m && n > 0; j++) {
                    p[j] /= (float) Math.sqrt(n);
                }
            }
            System.arraycopy(p, 0, x, u * m, m);
        }
        for (int i = 0; i < train.numItems(); i++) {
            if (items[i] != null) {
                System.arraycopy(items[i], 0, x, (nu + i) * m, m);
            }
        }
        org.nd4j.linalg.api.ndarray.INDArray xm = org.nd4j.linalg.factory.Nd4j.create(x, new long[] {nu + train.numItems(), m}, 'c');
        TrainingSettings c = settings(ModelKind.LIGHTGCN).coldStartWeight(TrainingSettings.DEFAULT_COLD_START_WEIGHT).build();
        int[] u = {0, 3, 5, 7};
        int[] p = {train.itemsOf(0)[0], train.itemsOf(3)[0], train.itemsOf(5)[0], train.itemsOf(7)[0]};
        int[] n = {13, 12, 3, 1};
        double[] loss = new double[2];
        org.nd4j.linalg.api.ndarray.INDArray[] grads = new org.nd4j.linalg.api.ndarray.INDArray[4];
        for (int v = 0; v < 2; v++) {
            BprTrainer t = new BprTrainer(c, train, W.social(), null, null);
            if (v == 0) {
                t.withFeatures(xm);
            } else {
                t.withItemFeatures(items, users);
            }
            try (Propagation prop = new CsrCpuPropagation(t.operator(), 1)) {
                BprTrainer.Step step = t.newStep(prop);
                loss[v] = step.lossAndGradient(u, p, n, 0, u.length);
                grads[2 * v] = step.gradient().dup();
                grads[2 * v + 1] = step.projectionGradient().dup();
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(loss[0], loss[1], 1e-6);
        org.junit.jupiter.api.Assertions.assertTrue(grads[0].equalsWithEps(grads[2], 1e-5), "free-embedding gradients differ");
        org.junit.jupiter.api.Assertions.assertTrue(grads[1].equalsWithEps(grads[3], 1e-5), "projection gradients differ");
    }

    @Test
    void lightGcnLoss_gradientMatchesFiniteDifferences() {
        check(ModelKind.LIGHTGCN);
    }

    @Test
    void socialLoss_gradientMatchesFiniteDifferences() {
        check(ModelKind.SOCIAL);
    }

    @Test
    void socialContrastLoss_wholeStep_gradientMatchesFiniteDifferences() {
        // The batch's users have friends, so the term is there to check: the loss is not LightGCN's.
        double[] loss = new double[2];
        ModelKind[] kinds = {ModelKind.LIGHTGCN, ModelKind.SOCIALCL};
        int[] u = {0, 3, 7, 9};
        int[] p = {W.interactions().itemsOf(0)[0], W.interactions().itemsOf(3)[0], W.interactions().itemsOf(7)[0],
            W.interactions().itemsOf(9)[0]};
        int[] n = {13, 12, 0, 1};
        for (int k = 0; k < 2; k++) {
            BprTrainer t = new BprTrainer(settings(kinds[k]).build(), W.interactions(), W.social(), null, null);
            try (Propagation prop = new CsrCpuPropagation(t.operator(), 1)) {
                loss[k] = t.newStep(prop).lossAndGradient(u, p, n, 0, u.length);
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(loss[1] > loss[0] + 0.1, loss[1] + " vs " + loss[0]);
        check(ModelKind.SOCIALCL);
        check(ModelKind.SOCIALCL, Features.DENSE);
    }

    @Test
    void textFedLoss_gradientsOfFreeEmbeddingsAndProjectionMatchFiniteDifferences() {
        check(ModelKind.LIGHTGCN, Features.DENSE);
        check(ModelKind.SOCIAL, Features.DENSE);
    }

    @Test
    void sparseTextFeatures_sameGradientsThroughTheCompressedProducts() {
        check(ModelKind.LIGHTGCN, Features.SPARSE);
        check(ModelKind.SOCIAL, Features.SPARSE);
    }
}
