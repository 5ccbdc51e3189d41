package io.recsys4j.gnn.internal.propagation;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One sparse propagation step {@code Y = P·X} over node embeddings and its backward pass
 * {@code G_X = Pᵀ·G_Y}, on {@code [nodes x d]} float matrices in C order, given either as
 * ND4J arrays or as row-major heap arrays. Implementations are safe for one caller at a
 * time; {@link #close} releases their threads.
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

    /** Writes {@code Pᵀ·g} into {@code gx}; shapes as for {@link #forward(INDArray, INDArray)}. */
    void backward(INDArray g, INDArray gx);

    /**
     * {@link #forward(INDArray, INDArray)} on row-major heap arrays of {@code nodes x d}.
     * The default copies through ND4J arrays; the CPU kernel works on them in place.
     */
    default void forward(float[] x, float[] y, int d) {
        INDArray out = Nd4j.create(DataType.FLOAT, nodes(), d);
        forward(Nd4j.create(x, new long[] {nodes(), d}, 'c'), out);
        out.data().asNioFloat().get(0, y, 0, nodes() * d);
    }

    /** {@link #backward(INDArray, INDArray)} on row-major heap arrays of {@code nodes x d}. */
    default void backward(float[] g, float[] gx, int d) {
        INDArray out = Nd4j.create(DataType.FLOAT, nodes(), d);
        backward(Nd4j.create(g, new long[] {nodes(), d}, 'c'), out);
        out.data().asNioFloat().get(0, gx, 0, nodes() * d);
    }

    /**
     * {@code y = P·x} and, in the same pass, {@code sum = (sum + y) · scale}: one layer of
     * a layer-combining network. {@code y} may be null when only the sum is needed.
     */
    default void forwardAccumulate(float[] x, float[] y, int d, float[] sum, float scale) {
        float[] out = y != null ? y : new float[nodes() * d];
        forward(x, out, d);
        for (int i = 0; i < sum.length; i++) {
            sum[i] = (sum[i] + out[i]) * scale;
        }
    }

    /** {@code gx = Pᵀ·g} and {@code sum = (sum + gx) · scale}; {@code gx} may be null. */
    default void backwardAccumulate(float[] g, float[] gx, int d, float[] sum, float scale) {
        float[] out = gx != null ? gx : new float[nodes() * d];
        backward(g, out, d);
        for (int i = 0; i < sum.length; i++) {
            sum[i] = (sum[i] + out[i]) * scale;
        }
    }

    /**
     * {@link #backwardAccumulate} for a {@code g} that is zero outside the rows where
     * {@code nonZero} is true: the kernel may skip reading the zero rows. The first backward
     * hop of a training step, whose loss touches only the batch's rows.
     */
    default void backwardAccumulate(float[] g, boolean[] nonZero, float[] gx, int d, float[] sum, float scale) {
        backwardAccumulate(g, gx, d, sum, scale);
    }

    /**
     * Writes only the listed rows of {@code P·x} into the same rows of {@code y}; the other
     * rows of {@code y} are left as they are. For a training step, whose loss reads only the
     * batch's rows of the last layer.
     *
     * @param rows sorted, distinct node indices
     */
    default void forwardRows(float[] x, int[] rows, float[] y, int d) {
        float[] full = new float[nodes() * d];
        forward(x, full, d);
        for (int r : rows) {
            System.arraycopy(full, r * d, y, r * d, d);
        }
    }

    /** A short name for logs, e.g. {@code "csr-cpu(2 threads)"}. */
    String name();

    @Override
    void close();
}
