package io.recsys4j.text;

import io.recsys4j.core.Interactions;
import io.recsys4j.core.Scorer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The text-only recommender, a cold-start baseline: a user's profile is the normalised mean
 * of the text vectors of the items they interacted with in training, and an item scores the
 * inner product (cosine) of its text vector with the profile. It places items nobody has
 * touched, from their text alone. Immutable and thread-safe.
 */
public final class TextProfileScorer implements Scorer {
    private final INDArray items;      // [items x dim]
    private final float[] profiles;    // [users x dim], row-major
    private final int dim;

    /**
     * @param train the training interactions (the users' histories)
     * @param itemVectors one L2-normalised text vector per item of {@code train}'s catalogue,
     *     null for an item without text (as {@link TextVectors#encode} gives them): it scores 0
     *     and adds nothing to the profiles of the users who have it
     * @throws IllegalArgumentException if the vector count differs from the catalogue size, or
     *     no item has a vector
     */
    public TextProfileScorer(Interactions train, float[][] itemVectors) {
        if (itemVectors.length != train.numItems()) {
            throw new IllegalArgumentException(itemVectors.length + " item vectors for " + train.numItems() + " items");
        }
        float[] any = java.util.Arrays.stream(itemVectors).filter(java.util.Objects::nonNull).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no item has a text vector"));
        this.dim = any.length;
        float[] zero = new float[dim];
        itemVectors = java.util.Arrays.stream(itemVectors).map(v -> v == null ? zero : v).toArray(float[][]::new);
        this.items = Vectors.toMatrix(itemVectors, dim);
        this.profiles = new float[train.numUsers() * dim];
        for (int u = 0; u < train.numUsers(); u++) {
            float[] p = new float[dim];
            for (int i : train.itemsOf(u)) {
                for (int j = 0; j < dim; j++) {
                    p[j] += itemVectors[i][j];
                }
            }
            System.arraycopy(Vectors.normalise(p), 0, profiles, u * dim, dim);
        }
    }

    @Override
    public int numItems() {
        return items.rows();
    }

    /** One BLAS product per call: the dot products are too slow as Java loops at 4,096 dimensions. */
    @Override
    public void score(int[] users, float[] out) {
        float[] p = new float[users.length * dim];
        for (int r = 0; r < users.length; r++) {
            System.arraycopy(profiles, users[r] * dim, p, r * dim, dim);
        }
        INDArray s = Nd4j.create(DataType.FLOAT, new long[] {users.length, items.rows()}, 'c');
        Nd4j.gemm(Nd4j.create(p, new long[] {users.length, dim}, 'c'), items, s, false, true, 1.0, 0.0);
        s.data().asNioFloat().get(0, out, 0, (int) s.length());
    }
}
