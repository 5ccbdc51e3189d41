package io.recsys4j.gnn.internal.model;

import io.recsys4j.gnn.internal.propagation.Propagation;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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
        INDArray w1 = matrix(params, 0, d, d);
        INDArray w2 = matrix(params, d * d, d, d);
        INDArray w3 = matrix(params, 2 * d * d, d, 2 * d);
        int bias = 4 * d * d;
        int ud = users * d;
        for (int k = 0; k < layers; k++) {
            float[] next = e[k + 1];
            graph.forward(e[k], next, d);
            System.arraycopy(next, 0, y[k], 0, ud);
            social.forward(java.util.Arrays.copyOf(e[k], ud), x[k], d);
            tanhOf(matrix(x[k], 0, users, d).mmul(w1.transpose()), h1[k]);
            tanhOf(matrix(y[k], 0, users, d).mmul(w2.transpose()), h2[k]);
            float[] o = values(Nd4j.hstack(matrix(h1[k], 0, users, d), matrix(h2[k], 0, users, d)).mmul(w3.transpose()));
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
        float[] g = new float[nd];
        for (int t = 0; t < nd; t++) {
            g[t] = gOut[t] * alpha;
        }
        INDArray w1 = matrix(params, 0, d, d);
        INDArray w2 = matrix(params, d * d, d, d);
        INDArray w3 = matrix(params, 2 * d * d, d, 2 * d);
        float[] back = new float[nd];
        float[] socialIn = new float[ud];
        float[] socialOut = new float[ud];
        for (int k = layers - 1; k >= 0; k--) {
            float[] z = e[k + 1];
            double dot = 0;
            for (int t = 0; t < ud; t++) {
                dot += (double) z[t] * g[t];
            }
            float[] dO = new float[ud];
            float inv = (float) (1 / norm[k]);
            for (int t = 0; t < ud; t++) {
                dO[t] = (float) ((g[t] - z[t] * dot) * inv);
            }
            INDArray dOm = matrix(dO, 0, users, d);
            INDArray hc = Nd4j.hstack(matrix(h1[k], 0, users, d), matrix(h2[k], 0, users, d));
            add(gParams, 2 * d * d, dOm.transpose().mmul(hc));
            int bias = 4 * d * d;
            for (int u = 0; u < users; u++) {
                for (int j = 0; j < d; j++) {
                    gParams[bias + j] += dO[u * d + j];
                }
            }
            float[] dH = values(dOm.mmul(w3)); // users x 2d
            float[] dP1 = new float[ud];
            float[] dP2 = new float[ud];
            for (int u = 0; u < users; u++) {
                for (int j = 0; j < d; j++) {
                    float a = h1[k][u * d + j];
                    float c = h2[k][u * d + j];
                    dP1[u * d + j] = dH[u * 2 * d + j] * (1 - a * a);
                    dP2[u * d + j] = dH[u * 2 * d + d + j] * (1 - c * c);
                }
            }
            INDArray p1 = matrix(dP1, 0, users, d);
            INDArray p2 = matrix(dP2, 0, users, d);
            add(gParams, 0, p1.transpose().mmul(matrix(x[k], 0, users, d)));
            add(gParams, d * d, p2.transpose().mmul(matrix(y[k], 0, users, d)));
            float[] dX = values(p1.mmul(w1));
            System.arraycopy(dX, 0, socialIn, 0, ud);
            float[] dY = values(p2.mmul(w2));
            // Âᵀ [dY; G_I'] (items of layer k+1 are (Â E_k)_I), then Ŝᵀ dX on the user rows.
            System.arraycopy(dY, 0, g, 0, ud);
            graph.backward(g, back, d);
            social.backward(socialIn, socialOut, d);
            for (int t = 0; t < ud; t++) {
                back[t] += socialOut[t];
            }
            for (int t = 0; t < nd; t++) {
                g[t] = back[t] + gOut[t] * alpha;
            }
        }
        if (layers == 0) {
            System.arraycopy(gOut, 0, gE0, 0, nd);
        } else {
            System.arraycopy(g, 0, gE0, 0, nd);
        }
    }

    /** A copy of {@code rows x cols} floats from {@code offset} as a matrix (bulk: Nd4j.create(float[]) copies one by one). */
    private static INDArray matrix(float[] a, int offset, int rows, int cols) {
        INDArray m = Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, rows, cols);
        m.data().asNioFloat().put(a, offset, rows * cols);
        return m;
    }

    /** The entries of {@code m} in C order. */
    private static float[] values(INDArray m) {
        INDArray c = m.ordering() == 'c' && !m.isView() ? m : m.dup('c');
        float[] v = new float[(int) c.length()];
        c.data().asNioFloat().get(v);
        return v;
    }

    private static void tanhOf(INDArray m, float[] out) {
        float[] v = values(m);
        for (int t = 0; t < v.length; t++) {
            out[t] = (float) Math.tanh(v[t]);
        }
    }

    private static void add(float[] to, int offset, INDArray m) {
        float[] v = values(m);
        for (int t = 0; t < v.length; t++) {
            to[offset + t] += v[t];
        }
    }
}
