package io.recsys4j.gnn.serving;

import io.recsys4j.core.Scorer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scores users by the inner product of final user and item embeddings, a block of users at
 * a time with one BLAS {@code mmul} ({@code [batch x d] · [d x items]}). The embeddings are
 * copied at construction and never written, so concurrent calls are safe.
 */
public final class EmbeddingScorer implements Scorer {
    private final float[] users;   // row-major [numUsers x dim]
    private final INDArray items;  // [numItems x dim]
    private final int dim;
    private final int numItems;

    /**
     * @param userEmbeddings {@code [numUsers x dim]}
     * @param itemEmbeddings {@code [numItems x dim]}
     * @throws IllegalArgumentException if the dimensions differ or an array is not a matrix
     */
    public EmbeddingScorer(INDArray userEmbeddings, INDArray itemEmbeddings) {
        if (userEmbeddings.rank() != 2 || itemEmbeddings.rank() != 2) {
            throw new IllegalArgumentException("embeddings must be matrices");
        }
        if (userEmbeddings.columns() != itemEmbeddings.columns()) {
            throw new IllegalArgumentException("user dim " + userEmbeddings.columns() + " != item dim " + itemEmbeddings.columns());
        }
        this.dim = (int) userEmbeddings.columns();
        this.numItems = (int) itemEmbeddings.rows();
        this.users = userEmbeddings.castTo(DataType.FLOAT).dup('c').data().asFloat();
        this.items = itemEmbeddings.castTo(DataType.FLOAT).dup('c');
    }

    @Override
    public int numItems() {
        return numItems;
    }

    /** Embedding dimension. */
    public int dim() {
        return dim;
    }

    @Override
    public void score(int[] userIndices, float[] out) {
        int b = userIndices.length;
        float[] block = new float[b * dim];
        for (int r = 0; r < b; r++) {
            System.arraycopy(users, userIndices[r] * dim, block, r * dim, dim);
        }
        try (INDArray q = Nd4j.create(block, new long[] {b, dim}, 'c');
             INDArray s = Nd4j.createUninitialized(DataType.FLOAT, new long[] {b, numItems}, 'c')) {
            Nd4j.gemm(q, items, s, false, true, 1.0, 0.0);
            s.data().asNioFloat().get(out, 0, b * numItems);
        }
    }
}
