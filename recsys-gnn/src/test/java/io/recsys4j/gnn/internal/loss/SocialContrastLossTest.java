package io.recsys4j.gnn.internal.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The social contrastive term against a hand-computed case and its gradient against finite differences. */
class SocialContrastLossTest {
    @Test
    void twoFriends_matchTheHandComputedLossAndGradient() {
        // z_0 = (1, 0), z_1 = (0, 1), friends of each other: p_0 = z_1, p_1 = z_0 (unit already).
        // τ = 1: S = [[0, 1], [1, 0]]; each row's term -S_ii + log(e^0 + e^1) = log(1 + e);
        // L = (λ/2) · 2 · log(1 + e) = λ · 1.3132617.
        float[] fin = {1, 0, 0, 1};
        float[] g = new float[4];
        double loss = SocialContrastLoss.lossAndAddGradient(fin, new int[] {0, 1}, new int[] {0, 1, 2}, new int[] {1, 0},
                2, 1.0, 0.5, g);
        assertEquals(0.5 * Math.log(1 + Math.E), loss, 1e-6);
        // Softmax rows: P = [[1/(1+e), e/(1+e)], [e/(1+e), 1/(1+e)]]; G = (λ/2)(P - I).
        // dA_0 = G_00 p_0 + G_01 p_1 = (λ/2)[(1/(1+e) - 1)(0,1) + e/(1+e)(1,0)], projected off a_0 = (1,0):
        // only the component along (0,1) stays: (λ/2)(1/(1+e) - 1) = -(λ/2) e/(1+e).
        // dP_0 = G_00 a_0 + G_10 a_1 = (λ/2)[(1/(1+e) - 1)(1,0) + e/(1+e)(0,1)], projected off p_0 = (0,1):
        // (λ/2)(1/(1+e) - 1) along (1,0); it goes to friend 1's row: row 1 gets (-(λ/2)e/(1+e), 0).
        // By symmetry row 0 gets the mirror from user 1's friend view, and so on:
        double q = 0.25 * Math.E / (1 + Math.E);
        assertEquals(0, g[0], 1e-6);
        assertEquals(-q - q, g[1], 1e-6);   // own view of user 0 plus user 1's friend view (friend 0)
        assertEquals(-q - q, g[2], 1e-6);
        assertEquals(0, g[3], 1e-6);
    }

    @Test
    void gradient_matchesFiniteDifferences() {
        int users = 6;
        int d = 4;
        int n = users + 3;
        Random r = new Random(11);
        double[] x = new double[n * d];
        for (int k = 0; k < x.length; k++) {
            x[k] = r.nextGaussian();
        }
        // Friends: 0-1, 0-2, 1-3, 2-3, 3-4, 4-5 (CSR, both directions); user 5 has one friend.
        int[] start = {0, 2, 4, 6, 9, 11, 12};
        int[] nb = {1, 2, 0, 3, 0, 3, 1, 2, 4, 3, 5, 4};
        int[] sampled = {3, 0, 5, 1};
        double tau = 0.4;
        double lambda = 0.7;
        float[] g = new float[n * d];
        SocialContrastLoss.lossAndAddGradient(floats(x), sampled, start, nb, d, tau, lambda, g);
        double h = 1e-3;
        for (int k = 0; k < x.length; k++) {
            double keep = x[k];
            x[k] = keep + h;
            double up = SocialContrastLoss.lossAndAddGradient(floats(x), sampled, start, nb, d, tau, lambda, new float[n * d]);
            x[k] = keep - h;
            double down = SocialContrastLoss.lossAndAddGradient(floats(x), sampled, start, nb, d, tau, lambda, new float[n * d]);
            x[k] = keep;
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, g[k], 2e-3 * Math.max(1, Math.abs(numeric)), "component " + k);
        }
        for (int k = users * d; k < n * d; k++) {
            assertEquals(0f, g[k], "item rows take no part");
        }
    }

    private static float[] floats(double[] x) {
        float[] f = new float[x.length];
        for (int k = 0; k < x.length; k++) {
            f[k] = (float) x[k];
        }
        return f;
    }
}
