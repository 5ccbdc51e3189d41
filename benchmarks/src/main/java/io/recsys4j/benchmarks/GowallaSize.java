package io.recsys4j.benchmarks;

import io.recsys4j.core.Interactions;
import io.recsys4j.core.split.Split;
import io.recsys4j.core.split.Splits;
import io.recsys4j.core.synthetic.SyntheticWorld;

/**
 * A seeded synthetic data set of Gowalla's size as the LightGCN paper uses it: 29,858
 * users, 40,981 items, exactly 810,128 training interactions (so the bipartite graph has
 * 70,839 nodes and 1,620,256 non-zeros), with long-tailed degrees.
 */
final class GowallaSize {
    static final int USERS = 29_858;
    static final int ITEMS = 40_981;
    static final int TRAIN = 810_128;

    private GowallaSize() {
    }

    /** Train and test interactions; train has exactly {@link #TRAIN} interactions. */
    static Split split(long seed) {
        SyntheticWorld w = SyntheticWorld.builder().users(USERS).items(ITEMS).categories(40)
                .interactions(1_015_000).seed(seed).build();
        Split s = Splits.randomPerUser(w.interactions(), 0.2, seed);
        Interactions train = s.train();
        if (train.size() < TRAIN) {
            throw new IllegalStateException("generated only " + train.size() + " training interactions");
        }
        int[] keep = new int[TRAIN];
        for (int k = 0; k < TRAIN; k++) {
            keep[k] = k;
        }
        return new Split(train.select(keep), s.test());
    }
}
