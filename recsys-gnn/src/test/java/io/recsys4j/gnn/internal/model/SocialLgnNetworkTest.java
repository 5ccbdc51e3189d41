package io.recsys4j.gnn.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.recsys4j.core.synthetic.SyntheticWorld;
import io.recsys4j.gnn.internal.graph.Adjacency;
import io.recsys4j.gnn.internal.propagation.CsrCpuPropagation;
import io.recsys4j.gnn.internal.propagation.Propagation;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class SocialLgnNetworkTest {
    private static final SyntheticWorld WORLD =
            SyntheticWorld.builder().users(9).items(11).interactions(40).categories(2).seed(3).build();
    private static final int D = 3;
    private static final int LAYERS = 2;

    private final int users = WORLD.interactions().numUsers();
    private final int n = users + WORLD.interactions().numItems();

    /** Central differences in float, entry by entry, against the analytic gradient. */
    private static void check(String what, float[] param, float[] analytic, DoubleSupplier f) {
        double eps = 1e-2;
        for (int k = 0; k < param.length; k++) {
            float x = param[k];
            param[k] = (float) (x + eps);
            double up = f.getAsDouble();
            param[k] = (float) (x - eps);
            double down = f.getAsDouble();
            param[k] = x;
            double numeric = (up - down) / (2 * eps);
            assertEquals(numeric, analytic[k], 3e-3 + 3e-2 * Math.abs(numeric), what + " entry " + k);
        }
    }

    /** Loss Σ c ⊙ E, so ∂L/∂E = c; every layer-0 entry and every fusion parameter against finite differences. */
    @Test
    void backward_matchesFiniteDifferences_forEmbeddingsAndEveryFusionParameter() {
        Random r = new Random(11);
        float[] e0 = new float[n * D];
        for (int t = 0; t < e0.length; t++) {
            e0[t] = (float) r.nextGaussian();
        }
        float[] params = SocialLgnNetwork.initialParameters(D, r);
        float[] c = new float[n * D];
        for (int t = 0; t < c.length; t++) {
            c[t] = (float) r.nextGaussian();
        }
        try (Propagation a = new CsrCpuPropagation(Adjacency.normalizedBipartite(WORLD.interactions()), 1);
             Propagation s = new CsrCpuPropagation(Adjacency.normalizedSocial(WORLD.social()), 1)) {
            SocialLgnNetwork net = new SocialLgnNetwork(a, s, users, LAYERS, D);
            float[] out = new float[n * D];
            DoubleSupplier loss = () -> {
                net.forward(e0, params, out);
                double l = 0;
                for (int t = 0; t < out.length; t++) {
                    l += (double) c[t] * out[t];
                }
                return l;
            };
            loss.getAsDouble();
            float[] gE0 = new float[n * D];
            float[] gP = new float[params.length];
            net.backward(c, params, gE0, gP);
            check("dE0", e0, gE0, loss);
            check("dW1,dW2,dW3,db", params, gP, loss);
        }
    }

    /** Items propagate exactly as in LightGCN: the first layer's item rows are (Â E₀)_I, whatever the fusion. */
    @Test
    void itemRows_ofTheFirstLayer_areLightGcnsPropagation() {
        Random r = new Random(5);
        float[] e0 = new float[n * D];
        for (int t = 0; t < e0.length; t++) {
            e0[t] = (float) r.nextGaussian();
        }
        try (Propagation a = new CsrCpuPropagation(Adjacency.normalizedBipartite(WORLD.interactions()), 1);
             Propagation s = new CsrCpuPropagation(Adjacency.normalizedSocial(WORLD.social()), 1)) {
            SocialLgnNetwork one = new SocialLgnNetwork(a, s, users, 1, D);
            float[] out = new float[n * D];
            one.forward(e0, SocialLgnNetwork.initialParameters(D, r), out);
            float[] ae = new float[n * D];
            a.forward(e0, ae, D);
            for (int t = users * D; t < n * D; t++) {
                assertEquals((e0[t] + ae[t]) / 2, out[t], 1e-6, "item entry " + t);
            }
            // and the user rows of each fused layer have Frobenius norm 1: ‖E_U‖ of (2·out − e0)
            double sq = 0;
            for (int t = 0; t < users * D; t++) {
                double z = 2 * out[t] - e0[t];
                sq += z * z;
            }
            assertEquals(1.0, Math.sqrt(sq), 1e-5);
        }
    }
}
