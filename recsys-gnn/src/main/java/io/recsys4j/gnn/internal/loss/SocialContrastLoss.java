package io.recsys4j.gnn.internal.loss;

/**
 * The social contrastive term: {@link InfoNce} between two views of each
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
 * <p>Backward: {@link InfoNce}'s gradients with respect to both views; {@code s_u}'s goes to
 * each friend's row divided by {@code |F(u)|}.
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
        }
        float[] da = new float[m * d];
        float[] dp = new float[m * d];
        double loss = InfoNce.lossAndGradient(a, p, m, d, temperature, weight, da, dp);
        for (int i = 0; i < m; i++) {
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
        return loss;
    }
}
