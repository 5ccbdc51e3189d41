package io.recsys4j.core.sampling;

import io.recsys4j.core.Interactions;
import java.util.SplittableRandom;

/**
 * Draws, for a user, an item uniformly among those the user has not interacted with in the
 * given data, by rejection: O(log degree) per try, and few tries when users touch a small
 * share of the catalogue. Stateless apart from the data, so it is thread-safe; the caller
 * owns the random source (one per thread, for reproducible runs).
 */
public final class UniformNegativeSampler {
    private final Interactions positives;

    /** A sampler that avoids the items each user has in {@code positives}. */
    public UniformNegativeSampler(Interactions positives) {
        this.positives = positives;
    }

    /**
     * Returns an item index that {@code user} has not interacted with.
     *
     * @throws IllegalArgumentException if the user has interacted with every item
     */
    public int sample(int user, SplittableRandom random) {
        int n = positives.numItems();
        int d = positives.degree(user);
        if (d >= n) {
            throw new IllegalArgumentException("user " + positives.users().id(user)
                    + " has interacted with all " + n + " items: no negative exists");
        }
        if (d > n / 2) {
            // Dense user: pick the r-th free item directly instead of rejecting most tries.
            int r = random.nextInt(n - d);
            int[] items = positives.itemsOf(user);
            int i = 0;
            for (int k = 0; k <= r; i++) {
                if (java.util.Arrays.binarySearch(items, i) < 0) {
                    k++;
                }
            }
            return i - 1;
        }
        while (true) {
            int i = random.nextInt(n);
            if (!positives.contains(user, i)) {
                return i;
            }
        }
    }
}
