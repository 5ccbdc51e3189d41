package io.recsys4j.gnn.internal.sampling;

import io.recsys4j.core.Interactions;
import io.recsys4j.core.sampling.UniformNegativeSampler;
import java.util.SplittableRandom;

/**
 * Draws one epoch of BPR triples as the reference LightGCN code does: as many draws as
 * training interactions, each picking a user uniformly (a user without training items is
 * skipped, so the epoch can be shorter), one of its items uniformly, and a negative
 * uniformly among the items it has not interacted with; then shuffles them.
 */
public final class TripleSampler {
    private final Interactions train;
    private final UniformNegativeSampler negatives;

    /** A sampler over {@code train}. */
    public TripleSampler(Interactions train) {
        this.train = train;
        this.negatives = new UniformNegativeSampler(train);
    }

    /** One epoch's triples, {@code [users, positives, negatives]}, each of the same length. */
    public int[][] epoch(SplittableRandom random) {
        int draws = train.size();
        int[] u = new int[draws];
        int[] p = new int[draws];
        int[] n = new int[draws];
        int[] rs = train.csrRowStart();
        int[] items = train.csrItems();
        int m = 0;
        for (int k = 0; k < draws; k++) {
            int user = random.nextInt(train.numUsers());
            int deg = rs[user + 1] - rs[user];
            if (deg == 0) {
                continue;
            }
            u[m] = user;
            p[m] = items[rs[user] + random.nextInt(deg)];
            n[m] = negatives.sample(user, random);
            m++;
        }
        for (int k = m - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            swap(u, k, j);
            swap(p, k, j);
            swap(n, k, j);
        }
        return new int[][] {java.util.Arrays.copyOf(u, m), java.util.Arrays.copyOf(p, m), java.util.Arrays.copyOf(n, m)};
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
