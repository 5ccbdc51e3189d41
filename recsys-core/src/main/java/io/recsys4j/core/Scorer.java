package io.recsys4j.core;

/**
 * Scores users against the whole catalogue; what an evaluator or a top-K server needs from
 * a model. Implementations must be safe to call from several threads at once.
 */
public interface Scorer {
    /** Number of items every score row covers. */
    int numItems();

    /**
     * Writes the score of {@code users[r]} for item {@code i} into
     * {@code out[r * numItems() + i]}, higher meaning better.
     *
     * @param users user indices
     * @param out at least {@code users.length * numItems()} long
     */
    void score(int[] users, float[] out);
}
