package io.recsys4j.gnn.internal.model;

import io.recsys4j.gnn.internal.linalg.Dense;
import io.recsys4j.gnn.internal.propagation.Propagation;
import java.util.Random;

/**
 * SocialLGN's propagation (Liao, Zhou, Cai, Xu, "SocialLGN: Light graph convolution network
 * for social recommendation", Information Sciences 589, 2022): per layer, items propagate as
 * in LightGCN and users fuse a social and an interaction propagation with one learned module
 * shared by all layers:
 * <pre>
 *   X = Ŝ E_U,   [Y; E_I'] = Â E                  (Ŝ, Â: symmetrically normalised social and user-item graphs)
 *   H₁ = tanh(X W₁ᵀ),   H₂ = tanh(Y W₂ᵀ)
 *   O  = [H₁ ‖ H₂] W₃ᵀ + 1 bᵀ,   E_U' = O / ‖O‖_F   (Frobenius norm of the whole user matrix)
 *   E  = (1 / (K + 1)) Σ_{k=0..K} E_k
 * </pre>
 * with {@code W₁, W₂ ∈ ℝ^{d×d}}, {@code W₃ ∈ ℝ^{d×2d}}, {@code b ∈ ℝ^d}. The backward pass,
 * written out (the derivation is in docs/models.md): with {@code G_k = ∂L/∂E_k} and
 * {@code G_K = α ∂L/∂E}, {@code α = 1/(K+1)}, going down the layers,
 * <pre>
 *   Z = E_U',  dO = (G_U' − Z ⟨Z, G_U'⟩_F) / ‖O‖_F
 *   dW₃ += dOᵀ [H₁ ‖ H₂],  db += 1ᵀ dO,  [dH₁ ‖ dH₂] = dO W₃
 *   dP₁ = dH₁ ⊙ (1 − H₁²),  dW₁ += dP₁ᵀ X,  dX = dP₁ W₁     (likewise dP₂, dW₂, dY = dP₂ W₂ with Y)
 *   G_k = α ∂L/∂E + Âᵀ [dY; G_I'] + [Ŝᵀ dX; 0]
 * </pre>
 * The fusion couples all users through the norm, so every step propagates every layer in
 * full. The parameters live in one array (W₁, W₂, W₃, b, row-major) for the optimiser.
 * Holds its per-layer buffers: one caller at a time.
 */
public final class SocialLgnNetwork {
    private final Propagation graph;
    private final Propagation social;
    private final int layers;
    private final int users;
    private final int n;
    private final int d;
    /** E_0 .. E_K, each n x d. */
    private final float[][] e;
    /** Per layer k < K: X, Y, H₁, H₂ (users x d) and ‖O‖. */
    private final float[][] x;
    private final float[][] y;
    private final float[][] h1;
    private final float[][] h2;
    private final double[] norm;

    /**
     * @param graph Â over users then items
     * @param social Ŝ over the users
     * @param layers K >= 0
     */
    public SocialLgnNetwork(Propagation graph, Propagation social, int users, int layers, int dim) {
        if (layers < 0) {
            throw new IllegalArgumentException("layers must be >= 0, found " + layers);
        }
        if (social.nodes() != users || graph.nodes() < users) {
            throw new IllegalArgumentException("social graph of " + social.nodes() + " nodes for " + users + " users");
        }
        this.graph = graph;
        this.social = social;
        this.layers = layers;
        this.users = users;
        this.n = graph.nodes();
        this.d = dim;
        this.e = new float[layers + 1][];
        for (int k = 1; k <= layers; k++) {
            e[k] = new float[Math.multiplyExact(n, d)];
        }
        int ud = Math.multiplyExact(users, d);
        this.x = new float[layers][ud];
        this.y = new float[layers][ud];
        this.h1 = new float[layers][ud];
        this.h2 = new float[layers][ud];
        this.norm = new double[layers];
    }

    /** Number of fusion parameters: {@code 4d² + d}. */
    public static int parameterCount(int dim) {
        return 4 * dim * dim + dim;
    }

    /**
     * PyTorch's default initialisation of {@code nn.Linear}, as the official code uses:
     * weights and bias uniform in {@code ±1/√fan_in}.
     */
    public static float[] initialParameters(int dim, Random random) {
        float[] p = new float[parameterCount(dim)];
        int dd = dim * dim;
        fill(p, 0, 2 * dd, 1 / Math.sqrt(dim), random);
        fill(p, 2 * dd, 4 * dd + dim, 1 / Math.sqrt(2.0 * dim), random);
        return p;
    }

    private static void fill(float[] p, int from, int to, double bound, Random random) {
        for (int k = from; k < to; k++) {
            p[k] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
    }

    /** Number of layers K. */
    public int layers() {
        return layers;
    }

    /** Writes the combined embeddings of {@code e0} (n x d, row-major) into {@code out}. */
    public void forward(float[] e0, float[] params, float[] out) {
        e[0] = e0;
        int dd = d * d;
        // Transposed once per call, so every product below is a row axpy.
        float[] w1t = Dense.transposedBlock(params, 0, d, d, d, 0);
        float[] w2t = Dense.transposedBlock(params, dd, d, d, d, 0);
        float[] w3at = Dense.transposedBlock(params, 2 * dd, d, d, 2 * d, 0);
        float[] w3bt = Dense.transposedBlock(params, 2 * dd, d, d, 2 * d, d);
        int bias = 4 * dd;
        int ud = users * d;
        float[] o = new float[ud];
        for (int k = 0; k < layers; k++) {
            float[] next = e[k + 1];
            graph.forward(e[k], next, d);
            System.arraycopy(next, 0, y[k], 0, ud);
            social.forward(java.util.Arrays.copyOf(e[k], ud), x[k], d);
            Dense.mul(x[k], users, d, w1t, d, h1[k], false);
            Dense.mul(y[k], users, d, w2t, d, h2[k], false);
            for (int t = 0; t < ud; t++) {
                h1[k][t] = (float) Math.tanh(h1[k][t]);
                h2[k][t] = (float) Math.tanh(h2[k][t]);
            }
            Dense.mul(h1[k], users, d, w3at, d, o, false);
            Dense.mul(h2[k], users, d, w3bt, d, o, true);
            double sq = 0;
            for (int u = 0; u < users; u++) {
                for (int j = 0; j < d; j++) {
                    float v = o[u * d + j] + params[bias + j];
                    o[u * d + j] = v;
                    sq += (double) v * v;
                }
            }
            norm[k] = Math.sqrt(sq);
            float inv = (float) (1 / norm[k]);
            for (int t = 0; t < ud; t++) {
                next[t] = o[t] * inv;
            }
        }
        float alpha = 1f / (layers + 1);
        for (int t = 0; t < out.length; t++) {
            float s = 0;
            for (int k = 0; k <= layers; k++) {
                s += e[k][t];
            }
            out[t] = layers == 0 ? s : s * alpha;
        }
    }

    /**
     * For the upstream gradient {@code gOut = ∂L/∂E} of the last {@link #forward}, writes
     * {@code ∂L/∂E₀} into {@code gE0} and adds {@code ∂L/∂params} to {@code gParams}.
     */
    public void backward(float[] gOut, float[] params, float[] gE0, float[] gParams) {
        float alpha = 1f / (layers + 1);
        int nd = n * d;
        int ud = users * d;
        int dd = d * d;
        float[] g = new float[nd];
        for (int t = 0; t < nd; t++) {
            g[t] = gOut[t] * alpha;
        }
        float[] w3a = Dense.block(params, 2 * dd, d, d, 2 * d, 0);
        float[] w3b = Dense.block(params, 2 * dd, d, d, 2 * d, d);
        float[] gw3a = new float[dd];
        float[] gw3b = new float[dd];
        float[] back = new float[nd];
        float[] socialOut = new float[ud];
        float[] dO = new float[ud];
        float[] dP1 = new float[ud];
        float[] dP2 = new float[ud];
        float[] dX = new float[ud];
        float[] dY = new float[ud];
        float[] w1 = java.util.Arrays.copyOfRange(params, 0, dd);
        float[] w2 = java.util.Arrays.copyOfRange(params, dd, 2 * dd);
        int bias = 4 * dd;
        for (int k = layers - 1; k >= 0; k--) {
            float[] z = e[k + 1];
            double dot = 0;
            for (int t = 0; t < ud; t++) {
                dot += (double) z[t] * g[t];
            }
            float inv = (float) (1 / norm[k]);
            for (int t = 0; t < ud; t++) {
                dO[t] = (float) ((g[t] - z[t] * dot) * inv);
            }
            Dense.mulTransA(dO, users, d, h1[k], d, gw3a);
            Dense.mulTransA(dO, users, d, h2[k], d, gw3b);
            for (int u = 0; u < users; u++) {
                for (int j = 0; j < d; j++) {
                    gParams[bias + j] += dO[u * d + j];
                }
            }
            Dense.mul(dO, users, d, w3a, d, dP1, false); // dH₁, then ⊙ (1 − H₁²)
            Dense.mul(dO, users, d, w3b, d, dP2, false);
            for (int t = 0; t < ud; t++) {
                float a = h1[k][t];
                float c = h2[k][t];
                dP1[t] *= 1 - a * a;
                dP2[t] *= 1 - c * c;
            }
            float[] gw1 = new float[dd];
            float[] gw2 = new float[dd];
            Dense.mulTransA(dP1, users, d, x[k], d, gw1);
            Dense.mulTransA(dP2, users, d, y[k], d, gw2);
            for (int t = 0; t < dd; t++) {
                gParams[t] += gw1[t];
                gParams[dd + t] += gw2[t];
            }
            Dense.mul(dP1, users, d, w1, d, dX, false);
            Dense.mul(dP2, users, d, w2, d, dY, false);
            // Âᵀ [dY; G_I'] (items of layer k+1 are (Â E_k)_I), then Ŝᵀ dX on the user rows.
            System.arraycopy(dY, 0, g, 0, ud);
            graph.backward(g, back, d);
            social.backward(dX, socialOut, d);
            for (int t = 0; t < ud; t++) {
                back[t] += socialOut[t];
            }
            for (int t = 0; t < nd; t++) {
                g[t] = back[t] + gOut[t] * alpha;
            }
        }
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < d; i++) {
                gParams[2 * dd + j * 2 * d + i] += gw3a[j * d + i];
                gParams[2 * dd + j * 2 * d + d + i] += gw3b[j * d + i];
            }
        }
        System.arraycopy(layers == 0 ? gOut : g, 0, gE0, 0, nd);
    }

}
