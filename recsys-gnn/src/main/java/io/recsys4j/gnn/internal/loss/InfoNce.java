package io.recsys4j.gnn.internal.loss;

import io.recsys4j.gnn.internal.linalg.Dense;

/**
 * InfoNCE (van den Oord et al. 2018) between two views of M nodes, each node's other view
 * the positive and the other nodes' the negatives, on cosine similarities with a temperature
 * as SGL uses it (Wu et al., SIGIR 2021):
 * <pre>
 *   a_i = x_i / ‖x_i‖,   p_i = y_i / ‖y_i‖,   S_ij = a_i · p_j / τ
 *   L = (λ / M) Σ_i [ -S_ii + log Σ_j exp(S_ij) ]
 * </pre>
 * Backward: with {@code P = softmax} of {@code S} by rows and {@code G = (λ/M)(P - I)/τ},
 * {@code dA = G·P_y}, {@code dP_y = Gᵀ·A}, and through each normalisation
 * {@code dx = (da - a (a·da)) / ‖x‖}. The three {@code M x M x d} products run on the heap
 * ({@link Dense}): BLAS would be faster per product, but its OpenMP threads spin after each
 * call against the propagation's threads, which cost a Last.fm epoch 60% more than the products.
 */
public final class InfoNce {
    private InfoNce() {
    }

    /**
     * Returns the loss and writes its gradients with respect to the raw views.
     *
     * @param x first views, {@code m x d} row-major, not written
     * @param y second views, same shape, not written
     * @param temperature τ > 0
     * @param weight λ >= 0
     * @param dx gradient with respect to {@code x}, overwritten
     * @param dy gradient with respect to {@code y}, overwritten
     */
    public static double lossAndGradient(float[] x, float[] y, int m, int d, double temperature, double weight,
                                         float[] dx, float[] dy) {
        float[] a = java.util.Arrays.copyOf(x, m * d);
        float[] p = java.util.Arrays.copyOf(y, m * d);
        float[] za = new float[m];
        float[] zp = new float[m];
        for (int i = 0; i < m; i++) {
            za[i] = normalise(a, i, d);
            zp[i] = normalise(p, i, d);
        }
        double scale = weight / m;
        // Row-wise softmax of S = A·Pᵀ/τ, shifted by each row's max.
        float[] g = new float[m * m];
        Dense.mul(a, m, d, Dense.transposedBlock(p, 0, m, d, d, 0), m, g, false);
        float invT = (float) (1 / temperature);
        float gScale = (float) (scale / temperature);
        double loss = 0;
        for (int i = 0; i < m; i++) {
            int o = i * m;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                g[o + j] *= invT;
                max = Math.max(max, g[o + j]);
            }
            double sum = 0;
            float diagonal = g[o + i] - max;
            for (int j = 0; j < m; j++) {
                float e = (float) Math.exp(g[o + j] - max);
                g[o + j] = e;
                sum += e;
            }
            loss += Math.log(sum) - diagonal;
            // G = (λ/M)(softmax - I)/τ, in place.
            float norm = (float) (gScale / sum);
            for (int j = 0; j < m; j++) {
                g[o + j] *= norm;
            }
            g[o + i] -= gScale;
        }
        java.util.Arrays.fill(dx, 0, m * d, 0f);
        java.util.Arrays.fill(dy, 0, m * d, 0f);
        Dense.mul(g, m, m, p, d, dx, false);
        Dense.mulTransA(g, m, m, a, d, dy);
        for (int i = 0; i < m; i++) {
            unnormalise(a, dx, i, d, za[i]);
            unnormalise(p, dy, i, d, zp[i]);
        }
        return scale * loss;
    }

    /** Scales row {@code i} to unit length and returns its former norm (a zero row stays zero). */
    private static float normalise(float[] x, int i, int d) {
        double n = 0;
        for (int j = 0; j < d; j++) {
            n += (double) x[i * d + j] * x[i * d + j];
        }
        float norm = (float) Math.sqrt(n);
        if (norm > 0) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] /= norm;
            }
        }
        return norm;
    }

    /** Replaces the gradient {@code g} with respect to unit row {@code x} by the one with respect to the raw row. */
    private static void unnormalise(float[] x, float[] g, int i, int d, float norm) {
        if (norm == 0) {
            java.util.Arrays.fill(g, i * d, (i + 1) * d, 0f);
            return;
        }
        double dot = 0;
        for (int j = 0; j < d; j++) {
            dot += (double) x[i * d + j] * g[i * d + j];
        }
        for (int j = 0; j < d; j++) {
            g[i * d + j] = (float) ((g[i * d + j] - x[i * d + j] * dot) / norm);
        }
    }
}
