package io.recsys4j.gnn.internal.layer;

import io.recsys4j.gnn.internal.propagation.Propagation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A weighted graph-convolution layer {@code Y = σ(P·H·W)} (Kipf and Welling 2017), for
 * feature inputs such as text embeddings. Forward and backward are written out:
 * <pre>
 *   M = P·H          [N x in]   (sparse propagation)
 *   Z = M·W          [N x out]  (ND4J mmul)
 *   Y = σ(Z)
 *   dZ = dY ⊙ σ'(Z)
 *   dW = Mᵀ·dZ       [in x out]
 *   dH = Pᵀ·(dZ·Wᵀ)  [N x in]
 * </pre>
 * The forward pass keeps M, Z and Y for the backward pass: one caller at a time.
 */
public final class GcnLayer {
    private final Propagation propagation;
    private final Activation activation;
    private INDArray m;
    private INDArray z;
    private INDArray y;

    /** A layer over {@code propagation} with the given activation. */
    public GcnLayer(Propagation propagation, Activation activation) {
        this.propagation = propagation;
        this.activation = activation;
    }

    /** Gradients of one backward pass. */
    public record Gradients(INDArray weights, INDArray input) {
    }

    /**
     * Returns {@code σ(P·H·W)}.
     *
     * @param h {@code [N x in]} float, C order
     * @param w {@code [in x out]}
     */
    public INDArray forward(INDArray h, INDArray w) {
        if (h.columns() != w.rows()) {
            throw new IllegalArgumentException("H has " + h.columns() + " columns but W has " + w.rows() + " rows");
        }
        m = Nd4j.create(DataType.FLOAT, h.rows(), h.columns());
        propagation.forward(h, m);
        z = m.mmul(w);
        y = activation.apply(z);
        return y;
    }

    /**
     * Returns dW and dH for the upstream gradient {@code dY}, using the last forward pass.
     *
     * @throws IllegalStateException if forward was not called
     */
    public Gradients backward(INDArray gradY, INDArray w) {
        if (m == null) {
            throw new IllegalStateException("backward before forward");
        }
        INDArray dz = activation.backward(gradY, z, y);
        INDArray dw = m.transpose().mmul(dz);
        INDArray dm = dz.mmul(w.transpose()).dup('c');
        INDArray dh = Nd4j.create(DataType.FLOAT, dm.rows(), dm.columns());
        propagation.backward(dm, dh);
        return new Gradients(dw, dh);
    }
}
