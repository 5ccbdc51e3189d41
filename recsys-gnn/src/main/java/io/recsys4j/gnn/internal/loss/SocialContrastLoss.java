package io.recsys4j.gnn.internal.loss;

import io.recsys4j.gnn.internal.linalg.Dense;

/**
 * The social contrastive term: InfoNCE (van den Oord et al. 2018) between two views of each
 * of a set of users, their own final embedding {@code z_u} and the mean of their friends'
 * final embeddings {@code s_u = (1/|F(u)|) Σ_{v∈F(u)} z_v}, the other sampled users' friend
 * views being the negatives. This is the social self-supervision of SEPT (Yu et al., KDD 2021)
 * and MHCN (Yu et al., WWW 2021) reduced to one cheap view pair, with the cosine similarity
 * and temperature of SGL (Wu et al., SIGIR 2021):
 * <pre>
 *   a_i = z_i / ‖z_i‖,   p_i = s_i / ‖s_i‖,   S_ij = a_i · p_j / τ
 *   L = (λ / M) Σ_i [ -S_ii + log Σ_j exp(S_ij) ]
 * </pre>
 * over the {@code M} sampled users. It pulls a user towards their friends (what
 * {@code recommendForNewUser(friends)} serves from) and, through the denominator, spreads the
 * users over the sphere, which is where contrastive terms gain most over plain BPR.
 *
 * <p>Backward: with {@code P = softmax} of {@code S} by rows and {@code G = (λ/M)(P - I)/τ},
 * {@code dA = G·P_v}, {@code dP_v = Gᵀ·A}; through each normalisation
 * {@code dz = (da - a (a·da)) / ‖z‖}; and {@code s_u}'s gradient goes to each friend's row
 * divided by {@code |F(u)|}. The three {@code M x M x d} products run on the heap
 * ({@link Dense}): BLAS would be faster per product, but its OpenMP threads spin after each
 * call against the propagation's threads, which cost a Last.fm epoch 60% more than the products.
 */
public final class SocialContrastLoss {
    private SocialContrastLoss() {
    }

    /**
     * Adds the term's gradient with respect to the final embeddings into {@code gFin} and
     * returns its value.
     *
     * @param fin final embeddings, row-major, users first (rows {@code 0..numUsers-1})
     * @param users the M sampled users, each with at least one friend, distinct
     * @param friendStart CSR row starts of the social graph over the same users
     * @param friends CSR neighbours
     * @param d embedding dimension
     * @param temperature τ > 0
     * @param weight λ >= 0
     * @param gFin gradient to add into, same layout as {@code fin}
     */
    public static double lossAndAddGradient(float[] fin, int[] users, int[] friendStart, int[] friends, int d,
                                            double temperature, double weight, float[] gFin) {
        int m = users.length;
        if (m == 0 || weight == 0) {
            return 0;
        }
        float[] a = new float[m * d];
        float[] p = new float[m * d];
        float[] za = new float[m];
        float[] zp = new float[m];
        for (int i = 0; i < m; i++) {
            int u = users[i];
            System.arraycopy(fin, u * d, a, i * d, d);
            int from = friendStart[u];
            int to = friendStart[u + 1];
            for (int k = from; k < to; k++) {
                int o = friends[k] * d;
                for (int j = 0; j < d; j++) {
                    p[i * d + j] += fin[o + j];
                }
            }
            float inv = 1f / (to - from);
            for (int j = 0; j < d; j++) {
                p[i * d + j] *= inv;
            }
            za[i] = normalise(a, i, d);
            zp[i] = normalise(p, i, d);
        }
        double scale = weight / m;
        // Row-wise softmax of S = A·P_vᵀ/τ, shifted by each row's max.
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
        float[] da = new float[m * d];
        float[] dp = new float[m * d];
        Dense.mul(g, m, m, p, d, da, false);
        Dense.mulTransA(g, m, m, a, d, dp);
        for (int i = 0; i < m; i++) {
            unnormalise(a, da, i, d, za[i]);
            unnormalise(p, dp, i, d, zp[i]);
            int u = users[i];
            for (int j = 0; j < d; j++) {
                gFin[u * d + j] += da[i * d + j];
            }
            int from = friendStart[u];
            int to = friendStart[u + 1];
            float inv = 1f / (to - from);
            for (int k = from; k < to; k++) {
                int o = friends[k] * d;
                for (int j = 0; j < d; j++) {
                    gFin[o + j] += dp[i * d + j] * inv;
                }
            }
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
