package io.recsys4j.gnn.propagation;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One sparse propagation step {@code Y = P·X} over node embeddings and its backward pass
 * {@code G_X = Pᵀ·G_Y}, on {@code [nodes x d]} float arrays in C order. Implementations are
 * safe for one caller at a time; {@link #close} releases their threads and buffers.
 */
public interface Propagation extends AutoCloseable {
    /** Number of nodes (rows and columns of P). */
    int nodes();

    /**
     * Writes {@code P·x} into {@code y}.
     *
     * @param x {@code [nodes x d]}, C order, not written
     * @param y {@code [nodes x d]}, C order, overwritten
     */
    void forward(INDArray x, INDArray y);

    /** Writes {@code Pᵀ·g} into {@code gx}; shapes as for {@link #forward}. */
    void backward(INDArray g, INDArray gx);

    /** A short name for logs, e.g. {@code "csr-cpu(2 threads)"}. */
    String name();

    @Override
    void close();
}
