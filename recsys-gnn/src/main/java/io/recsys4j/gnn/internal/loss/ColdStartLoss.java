package io.recsys4j.gnn.internal.loss;

/**
 * The cold-start term of a text-fed model: the batch's triples scored again with the items
 * placed from their text alone, as a never-seen item is placed at serving time, so that the
 * projection {@code W} learns to rank by text what the users' final embeddings prefer:
 * <pre>
 *   c_i    = x_i·W / (K+1)                                   (an isolated node's layer mean)
 *   L_cold = ω · mean_b softplus(e_u·c_n − e_u·c_p)
 *   dL_cold/de_u = ω · σ(e_u·c_n − e_u·c_p) / B · (c_n − c_p)
 *   dL_cold/dW   = ω/(K+1) · Σ_b (x_pᵀ·g_p + x_nᵀ·g_n),   g_p = −σ(·)/B · e_u,  g_n = σ(·)/B · e_u
 * </pre>
 * with {@code e_u} the user's final (propagated) embedding, K the layers and ω the
 * cold-start weight. The BPR part is {@link BprLoss}'s. The term is this library's
 * (see {@code docs/architecture.md}); it is not in the LightGCN paper.
 *
 * <p>{@link #of} computes everything at once and returns an immutable {@link Term}: the
 * user gradient flows back through propagation, the W gradient is added by the caller
 * when it has W's other gradient, from the same {@code Term}.
 */
public final class ColdStartLoss {
    private ColdStartLoss() {
    }

    /**
     * {@code c = x·W / (K+1)}: where a node with text vector {@code x} and no edges lands,
     * both in this term and when a model places a new item or user. Row-major {@code W}
     * {@code [x.length x d]}.
     */
    public static float[] placement(float[] x, float[] w, int d, int layers) {
        float[] c = new float[d];
        float place = 1f / (layers + 1);
        for (int f = 0; f < x.length; f++) {
            if (x[f] != 0) {
                float v = place * x[f];
                for (int j = 0; j < d; j++) {
                    c[j] += v * w[f * d + j];
                }
            }
        }
        return c;
    }

    /**
     * One batch's cold-start term.
     *
     * @param eu the users' final embeddings, row-major {@code [B x d]}
     * @param positives the positive items' node indices, {@code B} of them
     * @param negatives the negative items' node indices
     * @param x the nodes' text rows
     * @param w the projection, row-major {@code [cols x d]}
     * @param layers K
     * @param weight ω > 0
     */
    public static Term of(float[] eu, int[] positives, int[] negatives, int d, TextRows x, float[] w, int layers,
                          double weight) {
        int b = positives.length;
        float place = 1f / (layers + 1);
        float[] cp = new float[b * d];
        float[] cn = new float[b * d];
        for (int k = 0; k < b; k++) {
            x.addRowProduct(positives[k], w, d, place, cp, k * d);
            x.addRowProduct(negatives[k], w, d, place, cn, k * d);
        }
        float[] gu = new float[b * d];
        float[] gp = new float[b * d];
        float[] gn = new float[b * d];
        double loss = BprLoss.lossAndGradient(eu, cp, cn, b, d, gu, gp, gn);
        for (int k = 0; k < b * d; k++) {
            gu[k] *= (float) weight;
        }
        return new Term(weight * loss, gu, gp, gn, positives.clone(), negatives.clone(), d, x,
                (float) (weight / (layers + 1)));
    }

    /** A computed cold-start term: its loss, its user gradient, and the means to add its W gradient. */
    public static final class Term {
        private final double loss;
        private final float[] userGradient;
        private final float[] gp;
        private final float[] gn;
        private final int[] positives;
        private final int[] negatives;
        private final int d;
        private final TextRows x;
        private final float scale;

        private Term(double loss, float[] userGradient, float[] gp, float[] gn, int[] positives, int[] negatives,
                     int d, TextRows x, float scale) {
            this.loss = loss;
            this.userGradient = userGradient;
            this.gp = gp;
            this.gn = gn;
            this.positives = positives;
            this.negatives = negatives;
            this.d = d;
            this.x = x;
            this.scale = scale;
        }

        /** {@code L_cold}, the weight included. */
        public double loss() {
            return loss;
        }

        /** {@code dL_cold/de_u} for user {@code k} of the batch, into {@code out[off..off+d)} (added). */
        public void addUserGradient(int k, float[] out, int off) {
            for (int j = 0; j < d; j++) {
                out[off + j] += userGradient[k * d + j];
            }
        }

        /** Adds {@code dL_cold/dW} to {@code gw} (row-major {@code [cols x d]}), positives and negatives in batch order. */
        public void addProjectionGradient(float[] gw) {
            for (int k = 0; k < positives.length; k++) {
                x.addRowOuter(positives[k], gp, k * d, d, scale, gw);
                x.addRowOuter(negatives[k], gn, k * d, d, scale, gw);
            }
        }
    }
}
