package io.recsys4j.gnn.internal.serving;

import io.recsys4j.core.Scorer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The one scoring path of embedding models: the score of item {@code i} for a user with
 * embedding {@code e} is the inner product {@code e · e_i}, summed in the one order of
 * {@link ScoreKernel} (a chain of fused multiply-adds over the components). Every door of a
 * model (one pair, one user's row, a block of users, a new user's vector) goes through it,
 * so the same pair gets the same float whichever door it comes through, with or without
 * the Vector API. A BLAS product would sum in an order that depends on the block's shape
 * (and single rows go through gemv), which is exactly what this class rules out; the
 * block kernel is a matrix product's inner loop that keeps each pair's order.
 *
 * <p>The embeddings are copied at construction and never written, so concurrent calls are safe.
 */
public final class EmbeddingScorer implements Scorer {
    private final float[] users;   // row-major [numUsers x dim]
    private final float[] items;   // row-major [numItems x dim]
    private final float[] itemsT;  // transposed [dim x stride], zero-padded, for blocks
    private final int stride;
    private final int dim;
    private final int numUsers;
    private final int numItems;
    private final ScoreKernel kernel;

    /**
     * @param userEmbeddings row-major {@code [numUsers x dim]}, copied
     * @param itemEmbeddings row-major {@code [numItems x dim]}, copied
     * @throws IllegalArgumentException if a length is not a multiple of {@code dim}
     */
    public EmbeddingScorer(float[] userEmbeddings, float[] itemEmbeddings, int dim) {
        if (dim < 1 || userEmbeddings.length % dim != 0 || itemEmbeddings.length % dim != 0) {
            throw new IllegalArgumentException("embeddings of " + userEmbeddings.length + " and " + itemEmbeddings.length
                    + " floats are not rows of dim " + dim);
        }
        this.dim = dim;
        this.users = userEmbeddings.clone();
        this.items = itemEmbeddings.clone();
        this.numUsers = userEmbeddings.length / dim;
        this.numItems = itemEmbeddings.length / dim;
        this.kernel = ScoreKernel.best();
        int lanes = kernel.lanes();
        this.stride = (numItems + lanes - 1) / lanes * lanes;
        this.itemsT = new float[dim * stride];
        for (int i = 0; i < numItems; i++) {
            for (int j = 0; j < dim; j++) {
                itemsT[j * stride + i] = items[i * dim + j];
            }
        }
    }

    private EmbeddingScorer(EmbeddingScorer base, float[] users) {
        this.dim = base.dim;
        this.users = users;
        this.items = base.items;
        this.itemsT = base.itemsT;
        this.stride = base.stride;
        this.numUsers = users.length / dim;
        this.numItems = base.numItems;
        this.kernel = base.kernel;
    }

    /**
     * This scorer with user {@code u}'s embedding replaced, or appended when {@code u} is
     * {@link #numUsers()}; the item tables are shared, not copied.
     */
    public EmbeddingScorer withUser(int u, float[] e) {
        if (e.length != dim || u < 0 || u > numUsers) {
            throw new IllegalArgumentException("user " + u + " of " + numUsers + ", embedding of " + e.length);
        }
        float[] us = java.util.Arrays.copyOf(users, Math.max(numUsers, u + 1) * dim);
        System.arraycopy(e, 0, us, u * dim, dim);
        return new EmbeddingScorer(this, us);
    }

    /**
     * From ND4J matrices {@code [numUsers x dim]} and {@code [numItems x dim]}.
     *
     * @throws IllegalArgumentException if the dimensions differ or an array is not a matrix
     */
    public EmbeddingScorer(INDArray userEmbeddings, INDArray itemEmbeddings) {
        this(floats(userEmbeddings), floats(itemEmbeddings), columns(userEmbeddings, itemEmbeddings));
    }

    private static int columns(INDArray u, INDArray i) {
        if (u.rank() != 2 || i.rank() != 2) {
            throw new IllegalArgumentException("embeddings must be matrices");
        }
        if (u.columns() != i.columns()) {
            throw new IllegalArgumentException("user dim " + u.columns() + " != item dim " + i.columns());
        }
        return Math.toIntExact(u.columns());
    }

    private static float[] floats(INDArray m) {
        return m.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }

    /** The kernel's name ({@code scalar} or {@code simd<bits>}), for logs. */
    public String kernel() {
        return kernel.name();
    }

    @Override
    public int numItems() {
        return numItems;
    }

    /** Number of users. */
    public int numUsers() {
        return numUsers;
    }

    /** Embedding dimension. */
    public int dim() {
        return dim;
    }

    /** The score of item {@code i} for user {@code u}. */
    public float score(int u, int i) {
        return ScoreKernel.dot(users, u * dim, items, i * dim, dim);
    }

    /** Scores of every item for the user with embedding {@code e} ({@code dim} floats) into {@code out[off..off+numItems)}. */
    public void scoreVector(float[] e, float[] out, int off) {
        if (e.length != dim) {
            throw new IllegalArgumentException("embedding has " + e.length + " components, the model has " + dim);
        }
        kernel.scoreBlock(e, 1, dim, itemsT, stride, numItems, out, off, numItems);
    }

    /** The block's user rows are gathered once, then scored against the transposed item table. */
    @Override
    public void score(int[] userIndices, float[] out) {
        int b = userIndices.length;
        float[] rows = new float[b * dim];
        for (int r = 0; r < b; r++) {
            System.arraycopy(users, userIndices[r] * dim, rows, r * dim, dim);
        }
        kernel.scoreBlock(rows, b, dim, itemsT, stride, numItems, out, 0, numItems);
    }

    /** A copy of the user embeddings, row-major {@code [numUsers x dim]}. */
    public float[] userEmbeddings() {
        return users.clone();
    }

    /** A copy of the item embeddings, row-major {@code [numItems x dim]}. */
    public float[] itemEmbeddings() {
        return items.clone();
    }

    /** A copy of user {@code u}'s embedding. */
    public float[] userEmbedding(int u) {
        return java.util.Arrays.copyOfRange(users, u * dim, (u + 1) * dim);
    }

    /** A copy of item {@code i}'s embedding. */
    public float[] itemEmbedding(int i) {
        return java.util.Arrays.copyOfRange(items, i * dim, (i + 1) * dim);
    }
}
