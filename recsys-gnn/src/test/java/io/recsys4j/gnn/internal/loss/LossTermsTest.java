package io.recsys4j.gnn.internal.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

/** Each loss term against values worked out by hand on a case small enough to do on paper. */
class LossTermsTest {
    /** Dense text rows for the tests, one row per node. */
    private static TextRows rows(float[][] x) {
        return new TextRows() {
            @Override
            public void addRowProduct(int v, float[] w, int d, float scale, float[] out, int off) {
                for (int f = 0; f < x[v].length; f++) {
                    for (int j = 0; j < d; j++) {
                        out[off + j] += scale * x[v][f] * w[f * d + j];
                    }
                }
            }

            @Override
            public void addRowOuter(int v, float[] g, int off, int d, float scale, float[] gw) {
                for (int f = 0; f < x[v].length; f++) {
                    for (int j = 0; j < d; j++) {
                        gw[f * d + j] += scale * x[v][f] * g[off + j];
                    }
                }
            }
        };
    }

    @Test
    void bpr_oneTriple_matchesTheHandComputedLossAndGradients() {
        // e_u = (1, 0), e_p = (0.5, 0.5), e_n = (2, 1): x = s_neg - s_pos = 2 - 0.5 = 1.5,
        // softplus(1.5) = 1.7014133, sigmoid(1.5) = 0.8175745.
        float[] gu = new float[2];
        float[] gp = new float[2];
        float[] gn = new float[2];
        double loss = BprLoss.lossAndGradient(new float[] {1, 0}, new float[] {0.5f, 0.5f}, new float[] {2, 1}, 1, 2,
                gu, gp, gn);
        assertEquals(1.7014133, loss, 1e-6);
        assertArrayEquals(new float[] {0.8175745f * 1.5f, 0.8175745f * 0.5f}, gu, 1e-6f);   // σ · (e_n - e_p)
        assertArrayEquals(new float[] {-0.8175745f, 0}, gp, 1e-6f);                          // -σ · e_u
        assertArrayEquals(new float[] {0.8175745f, 0}, gn, 1e-6f);                           // σ · e_u
    }

    @Test
    void l2_countsEveryOccurrenceAndDividesByTheBatch() {
        // Nodes 0 = (1, 2), 1 = (3, 0), 2 = (0, -1): squared norms 5, 9, 1. Two triples
        // (0, 1, 2) and (0, 2, 1): L = λ/2 · (5+9+1+5+1+9) / 2 = 0.25 · 30 / 2 = 3.75 for λ = 0.5.
        FloatBuffer e0 = FloatBuffer.wrap(new float[] {1, 2, 3, 0, 0, -1});
        FloatBuffer g = FloatBuffer.wrap(new float[] {10, 0, 0, 0, 0, 0});
        double loss = L2Regularization.lossAndAddGradient(e0, g, new int[] {0, 1, 2, 0, 2, 1}, 2, 2, 0.5);
        assertEquals(3.75, loss, 1e-12);
        // Each occurrence adds λ/B · e⁰ = 0.25 · e⁰, node 0 twice, onto what the gradient held.
        assertArrayEquals(new float[] {10.5f, 1, 1.5f, 0, 0, -0.5f}, g.array(), 0f);
    }

    @Test
    void coldStart_oneTriple_matchesTheHandComputedLossAndGradients() {
        // d = 1, one text feature, K = 1, W = [4], ω = 3, e_u = 2, x_p = 1, x_n = 0.25.
        // c_p = 1·4/2 = 2, c_n = 0.25·4/2 = 0.5; x = e_u·(c_n - c_p) = -3.
        // L = 3 · softplus(-3) = 3 · 0.0485874 = 0.1457621; σ(-3) = 0.0474259.
        // dL/de_u = ω·σ·(c_n - c_p) = 3 · 0.0474259 · -1.5 = -0.2134164.
        // dL/dW = ω/(K+1) · σ·e_u·(x_n - x_p) = 1.5 · 0.0474259 · 2 · -0.75 = -0.1067082.
        TextRows x = rows(new float[][] {{0}, {1}, {0.25f}});
        ColdStartLoss.Term t = ColdStartLoss.of(new float[] {2}, new int[] {1}, new int[] {2}, 1, x, new float[] {4},
                1, 3.0);
        assertEquals(0.1457621, t.loss(), 1e-6);
        float[] gu = {0};
        t.addUserGradient(0, gu, 0);
        assertEquals(-0.2134164f, gu[0], 1e-6f);
        float[] gw = {1};
        t.addProjectionGradient(gw);
        assertEquals(1 - 0.1067082f, gw[0], 1e-6f);
    }
}
