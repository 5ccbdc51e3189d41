package io.recsys4j.gnn.model;

import io.recsys4j.gnn.propagation.Propagation;
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
        e0.data().asNioFloat().get(0, x0, 0, x0.length);
        System.arraycopy(x0, 0, out, 0, x0.length);
        combine(x0, out, propagationForward());
    }

    /** Writes {@code dE_0} for {@code gOut = dE} (row-major, nodes x d) into {@code gE0}. */
    public void backward(float[] gOut, INDArray gE0) {
        System.arraycopy(gOut, 0, x0, 0, x0.length);
        combine(gOut, x0, propagationBackward());
        gE0.data().asNioFloat().put(0, x0, 0, x0.length);
    }

    private interface Step {
        void apply(float[] in, float[] out);
    }

    private Step propagationForward() {
        return (in, out) -> propagation.forward(in, out, d);
    }

    private Step propagationBackward() {
        return (in, out) -> propagation.backward(in, out, d);
    }

    /** {@code sum = α Σ_k step^k(start)}, with {@code sum} holding {@code start} on entry. */
    private void combine(float[] start, float[] sum, Step step) {
        float[] cur = start;
        float[] next = a;
        for (int k = 0; k < layers; k++) {
            step.apply(cur, next);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += next[i];
            }
            cur = next;
            next = next == a ? b : a;
        }
        float alpha = 1f / (layers + 1);
        for (int i = 0; i < sum.length; i++) {
            sum[i] *= alpha;
        }
    }
}
