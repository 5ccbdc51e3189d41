package io.recsys4j.eval.baseline;

import io.recsys4j.core.Interactions;
import io.recsys4j.core.Scorer;

/**
 * The most-popular baseline: every user gets the items ranked by their number of training
 * interactions. The floor any personalised model must clear. Immutable and thread-safe.
 */
public final class PopularityScorer implements Scorer {
    private final float[] popularity;

    /** Counts each item's interactions in {@code train}. */
    public PopularityScorer(Interactions train) {
        int[] d = train.itemDegrees();
        this.popularity = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            popularity[i] = d[i];
        }
    }

    @Override
    public int numItems() {
        return popularity.length;
    }

    @Override
    public void score(int[] users, float[] out) {
        for (int r = 0; r < users.length; r++) {
            System.arraycopy(popularity, 0, out, r * popularity.length, popularity.length);
        }
    }
}
