package io.recsys4j.eval;

import io.recsys4j.core.Interactions;
import io.recsys4j.eval.metrics.ExposureMetrics;

/**
 * What the exposure metrics need to know about the training data: each item's popularity
 * (the number of training users who have it), the number of training users, and which items
 * form the long tail. Immutable.
 */
public final class ItemPopularity {
    /** The long tail's default share of the training interactions: the least popular items holding 20%. */
    public static final double DEFAULT_TAIL_SHARE = 0.2;

    private final int[] counts;
    private final int users;
    private final double tailShare;
    private final boolean[] tail;

    private ItemPopularity(int[] counts, int users, double tailShare) {
        if (users < 1) {
            throw new IllegalArgumentException("popularity needs at least one training user with an interaction");
        }
        this.counts = counts;
        this.users = users;
        this.tailShare = tailShare;
        this.tail = ExposureMetrics.tail(counts, tailShare);
    }

    /** From training interactions, with the default tail. */
    public static ItemPopularity of(Interactions train) {
        return of(train, DEFAULT_TAIL_SHARE);
    }

    /**
     * From training interactions; users without interactions do not count in {@code |U|} (taken
     * as 1 when no user has any, so novelty is then 0).
     *
     * @param tailShare the share of interactions the tail holds, in [0, 1]
     */
    public static ItemPopularity of(Interactions train, double tailShare) {
        int active = 0;
        for (int u = 0; u < train.numUsers(); u++) {
            active += train.degree(u) > 0 ? 1 : 0;
        }
        return new ItemPopularity(train.itemDegrees().clone(), Math.max(1, active), tailShare);
    }

    /**
     * From counts by item index.
     *
     * @param counts training users per item, each >= 0
     * @param users training users with at least one interaction
     */
    public static ItemPopularity of(int[] counts, int users, double tailShare) {
        for (int c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("popularity counts must be >= 0, found " + c);
            }
        }
        return new ItemPopularity(counts.clone(), users, tailShare);
    }

    /** Catalogue size. */
    public int numItems() {
        return counts.length;
    }

    /** Training users who have item {@code i}. */
    public int count(int i) {
        return counts[i];
    }

    /** Training users with at least one interaction, {@code |U|}. */
    public int users() {
        return users;
    }

    /** Whether item {@code i} is in the long tail. */
    public boolean inTail(int i) {
        return tail[i];
    }

    /** The share of the training interactions the tail holds at most. */
    public double tailShare() {
        return tailShare;
    }

    /** Number of items in the tail. */
    public int tailSize() {
        int n = 0;
        for (boolean t : tail) {
            n += t ? 1 : 0;
        }
        return n;
    }
}
