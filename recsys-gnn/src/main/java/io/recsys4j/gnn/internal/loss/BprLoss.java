package io.recsys4j.gnn.internal.loss;

/**
 * Bayesian personalised ranking loss (Rendle et al., "BPR: Bayesian Personalized Ranking
 * from Implicit Feedback", UAI 2009) of a batch of (user, positive, negative) triples, as
 * the reference LightGCN code computes it:
 * <pre>
 *   L = mean_b softplus(s_neg - s_pos),   s_pos = e_u · e_p,  s_neg = e_u · e_n
 * </pre>
 * with its gradient {@code dL/dx = sigmoid(x) / B} for {@code x = s_neg - s_pos}. The
 * other terms of the training loss are {@link L2Regularization} and, for text-fed models,
 * {@link ColdStartLoss}.
 */
public final class BprLoss {
    private BprLoss() {
    }

    /**
     * Returns the mean loss and writes the gradients with respect to the batch's rows.
     * Row {@code b} of each array is {@code [b*d, (b+1)*d)}.
     *
     * @param eu users' embeddings, {@code B x d}
     * @param ep positives' embeddings
     * @param en negatives' embeddings
     * @param gu receives dL/de_u (overwritten)
     * @param gp receives dL/de_p (overwritten)
     * @param gn receives dL/de_n (overwritten)
     */
    public static double lossAndGradient(float[] eu, float[] ep, float[] en, int batch, int d,
                                         float[] gu, float[] gp, float[] gn) {
        double loss = 0;
        for (int b = 0; b < batch; b++) {
            int o = b * d;
            double pos = 0;
            double neg = 0;
            for (int j = 0; j < d; j++) {
                pos += eu[o + j] * ep[o + j];
                neg += eu[o + j] * en[o + j];
            }
            double x = neg - pos;
            loss += softplus(x);
            float s = (float) (sigmoid(x) / batch);
            for (int j = 0; j < d; j++) {
                gu[o + j] = s * (en[o + j] - ep[o + j]);
                gp[o + j] = -s * eu[o + j];
                gn[o + j] = s * eu[o + j];
            }
        }
        return loss / batch;
    }

    /** {@code log(1 + e^x)}, stable for large |x|. */
    static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }
}
