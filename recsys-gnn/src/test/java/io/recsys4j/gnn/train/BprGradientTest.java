package io.recsys4j.gnn.train;

import io.recsys4j.core.synthetic.SyntheticWorld;
import io.recsys4j.gnn.GradientCheck;
import io.recsys4j.gnn.propagation.CsrCpuPropagation;
import io.recsys4j.gnn.propagation.Propagation;
import org.junit.jupiter.api.Test;

class BprGradientTest {
    private static final SyntheticWorld W = SyntheticWorld.builder().users(10).items(14).interactions(50)
            .categories(2).seed(4).build();

    private static void check(String model) {
        check(model, false);
    }

    private static void check(String model, boolean withFeatures) {
        // Large initial embeddings and regularisation so that every term of the loss matters.
        TrainingConfig c = new TrainingConfig(model, 0.3, 2, 3, 1, 5, 0.001, 0.5, 0.5, 11, 1, 0, 0, 20);
        BprTrainer trainer = new BprTrainer(c, W.interactions(), W.social(), null, null);
        if (withFeatures) {
            org.nd4j.linalg.api.ndarray.INDArray x = org.nd4j.linalg.factory.Nd4j.rand(
                    org.nd4j.linalg.api.buffer.DataType.FLOAT, W.interactions().numUsers() + W.interactions().numItems(), 4);
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

    @Test
    void lightGcnLoss_gradientMatchesFiniteDifferences() {
        check("lightgcn");
    }

    @Test
    void socialLoss_gradientMatchesFiniteDifferences() {
        check("social");
    }

    @Test
    void textFedLoss_gradientsOfFreeEmbeddingsAndProjectionMatchFiniteDifferences() {
        check("lightgcn", true);
        check("social", true);
    }
}
