package io.recsys4j.text;

import io.recsys4j.core.Interactions;
import io.recsys4j.core.Scorer;

/**
 * The text-only recommender, a cold-start baseline: a user's profile is the normalised mean
 * of the text vectors of the items they interacted with in training, and an item scores the
 * inner product (cosine) of its text vector with the profile. It places items nobody has
 * touched, from their text alone. Immutable and thread-safe.
 */
public final class TextProfileScorer implements Scorer {
    private final float[][] items;
    private final float[][] profiles;

    /**
     * @param train the training interactions (the users' histories)
     * @param itemVectors one L2-normalised text vector per item of {@code train}'s catalogue
     *     (the zero vector for an item without text)
     * @throws IllegalArgumentException if the vector count differs from the catalogue size
     */
    public TextProfileScorer(Interactions train, float[][] itemVectors) {
        if (itemVectors.length != train.numItems()) {
            throw new IllegalArgumentException(itemVectors.length + " item vectors for " + train.numItems() + " items");
        }
        this.items = itemVectors.clone();
        int dim = itemVectors.length == 0 ? 0 : itemVectors[0].length;
        this.profiles = new float[train.numUsers()][];
        for (int u = 0; u < profiles.length; u++) {
            float[] p = new float[dim];
            for (int i : train.itemsOf(u)) {
                for (int j = 0; j < dim; j++) {
                    p[j] += itemVectors[i][j];
                }
            }
            profiles[u] = Vectors.normalise(p);
        }
    }

    @Override
    public int numItems() {
        return items.length;
    }

    @Override
    public void score(int[] users, float[] out) {
        int n = items.length;
        for (int r = 0; r < users.length; r++) {
            float[] p = profiles[users[r]];
            for (int i = 0; i < n; i++) {
                float[] v = items[i];
                float s = 0;
                for (int j = 0; j < p.length; j++) {
                    s += p[j] * v[j];
                }
                out[r * n + i] = s;
            }
        }
    }
}
