package io.recsys4j.gnn.internal.model;

import io.recsys4j.gnn.internal.propagation.Propagation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * LightGCN's propagation with layer combination by mean (He et al. 2020):
 * <pre>
 *   E_k = P · E_{k-1},   E = Σ_{k=0..K} α_k E_k,   α_k = 1 / (K + 1)
 * </pre>
 * with {@code P} the normalised adjacency (or the social operator). No weights, no
 * nonlinearity, so the backward pass is {@code dE_0 = Σ_k α_k (Pᵀ)^k dE}: K products with
 * the transpose.
 *
 * <p>The layer-0 embeddings and their gradient are ND4J arrays (Adam updates them there);
 * the layers in between and the combined embeddings live in heap arrays that the CPU kernel
 * reads in place and the loss reads row by row, so a training step copies the embeddings
 * twice (in and out), not twice per layer. Holds its buffers: one caller at a time.
 */
public final class LightGcnNetwork {
    private final Propagation propagation;
    private final int layers;
    private final int d;
    private final float[] a;
    private final float[] b;
    private final float[] x0;

    /**
     * @param propagation the one-layer operator
     * @param layers K >= 0
     * @param dim embedding dimension
     */
    public LightGcnNetwork(Propagation propagation, int layers, int dim) {
        if (layers < 0) {
            throw new IllegalArgumentException("layers must be >= 0, found " + layers);
        }
        this.propagation = propagation;
        this.layers = layers;
        this.d = dim;
        int size = Math.multiplyExact(propagation.nodes(), dim);
        this.a = new float[size];
        this.b = new float[size];
        this.x0 = new float[size];
    }

    /** Number of layers K. */
    public int layers() {
        return layers;
    }

    /** Writes the combined embeddings {@code E} of {@code e0} into {@code out} (row-major, nodes x d). */
    public void forward(INDArray e0, float[] out) {
        forward(e0, out, null);
    }

    /**
     * As {@link #forward(INDArray, float[])}, and writes into {@code partial} the sum of all
     * layers but the last, {@code h = α Σ_{k<K} E_k} (zero for K = 0): then every node's
     * {@code E = α E_0 + P·h}, which {@code ScoreDecomposition} splits over a user's neighbours.
     *
     * @param partial {@code [nodes x d]}, overwritten; or null
     */
    public void forward(INDArray e0, float[] out, float[] partial) {
        e0.data().asNioFloat().get(0, x0, 0, x0.length);
        System.arraycopy(x0, 0, out, 0, x0.length);
        if (layers == 0) {
            if (partial != null) {
                java.util.Arrays.fill(partial, 0, x0.length, 0f);
            }
            return;
        }
        float alpha = 1f / (layers + 1);
        float[] cur = x0;
        float[] next = a;
        for (int k = 1; k <= layers; k++) {
            if (k == layers && partial != null) {
                for (int q = 0; q < x0.length; q++) {
                    partial[q] = out[q] * alpha;
                }
            }
            // The last layer's output is needed only in the sum.
            propagation.forwardAccumulate(cur, k == layers ? null : next, d, out, k == layers ? alpha : 1f);
            cur = next;
            next = next == a ? b : a;
        }
    }

    /**
     * Writes the combined embeddings of only the listed nodes into their rows of {@code out}
     * (other rows are left as they are): the first K-1 layers are propagated in full, the
     * last only for these rows, which is all a training step's loss reads.
     *
     * @param rows sorted, distinct node indices
     */
    public void forwardRows(INDArray e0, int[] rows, float[] out) {
        e0.data().asNioFloat().get(0, x0, 0, x0.length);
        for (int r : rows) {
            System.arraycopy(x0, r * d, out, r * d, d);
        }
        if (layers == 0) {
            return;
        }
        // Same summation order as forward(), so the rows come out bit-identical.
        float[] cur = x0;
        float[] next = a;
        for (int k = 1; k < layers; k++) {
            propagation.forward(cur, next, d);
            addRows(out, next, rows, 1f);
            cur = next;
            next = next == a ? b : a;
        }
        propagation.forwardRows(cur, rows, next, d);
        addRows(out, next, rows, 1f / (layers + 1));
    }

    /** {@code out = (out + layer) · scale} on the listed rows. */
    private void addRows(float[] out, float[] layer, int[] rows, float scale) {
        for (int r : rows) {
            int o = r * d;
            for (int j = 0; j < d; j++) {
                out[o + j] = (out[o + j] + layer[o + j]) * scale;
            }
        }
    }

    /** Writes {@code dE_0} for {@code gOut = dE} (row-major, nodes x d) into {@code gE0}. */
    public void backward(float[] gOut, INDArray gE0) {
        backward(gOut, null, gE0);
    }

    /**
     * As {@link #backward(float[], INDArray)}, for a {@code gOut} that is zero outside the
     * rows marked in {@code nonZero} (the batch's nodes): the first hop skips the zero rows.
     */
    public void backward(float[] gOut, boolean[] nonZero, INDArray gE0) {
        System.arraycopy(gOut, 0, x0, 0, x0.length);
        if (layers > 0) {
            float alpha = 1f / (layers + 1);
            float[] cur = gOut;
            float[] next = a;
            for (int k = 1; k <= layers; k++) {
                float[] to = k == layers ? null : next;
                float scale = k == layers ? alpha : 1f;
                if (k == 1 && nonZero != null) {
                    propagation.backwardAccumulate(cur, nonZero, to, d, x0, scale);
                } else {
                    propagation.backwardAccumulate(cur, to, d, x0, scale);
                }
                cur = next;
                next = next == a ? b : a;
            }
        }
        gE0.data().asNioFloat().put(0, x0, 0, x0.length);
    }
}
