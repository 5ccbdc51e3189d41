package io.recsys4j.eval;

import io.recsys4j.core.Interactions;
import io.recsys4j.core.Scorer;
import io.recsys4j.core.TopK;
import java.util.Arrays;

/**
 * Re-ranks any model's lists towards the long tail with one knob: of each user's best
 * {@code N} candidates (training items excluded), the score is replaced by
 * <pre>
 *   r_ui = (1 - λ) (s_ui - s_min) / (s_max - s_min) + λ (1 - log(1 + pop_i) / log(1 + pop_max))
 * </pre>
 * with {@code s_min, s_max} the extremes of the user's N model scores ({@code ŝ = 1} when they
 * are all equal), {@code pop_i} the item's training popularity and {@code pop_max} the
 * catalogue's largest. Every other item scores {@code -∞}. λ = 0 keeps the model's order; λ = 1
 * orders the N candidates from the least popular. This is the ranking-based re-rank of
 * Adomavicius and Kwon ("Improving aggregate recommendation diversity using ranking-based
 * techniques", IEEE TKDE 2012): restricting the re-rank to the model's own top N keeps the
 * accuracy loss small, and mixing normalised scores instead of thresholds makes one knob work
 * on any model's score scale.
 *
 * <p>It is a {@link Scorer}, so {@link RankingEvaluator} (accuracy and exposure) and top-K
 * serving take it as they take the model. Immutable and thread-safe if the wrapped scorer is.
 */
public final class PopularityReranker implements Scorer {
    private final Scorer base;
    private final Interactions train;
    private final double lambda;
    private final int candidates;
    private final float[] tailScore;

    /**
     * @param base the model's scorer, over {@code train}'s items
     * @param train the training interactions (masked, and the popularity)
     * @param lambda λ in [0, 1]
     * @param candidates N >= 1, the model's best items that may be re-ordered (at least the K served)
     */
    public PopularityReranker(Scorer base, Interactions train, double lambda, int candidates) {
        if (!(lambda >= 0 && lambda <= 1)) {
            throw new IllegalArgumentException("lambda must be in [0, 1], found " + lambda);
        }
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates must be >= 1, found " + candidates);
        }
        if (base.numItems() != train.numItems()) {
            throw new IllegalArgumentException("scorer covers " + base.numItems() + " items, data has " + train.numItems());
        }
        this.base = base;
        this.train = train;
        this.lambda = lambda;
        this.candidates = candidates;
        int[] pop = train.itemDegrees();
        int max = Arrays.stream(pop).max().orElse(0);
        this.tailScore = new float[pop.length];
        for (int i = 0; i < pop.length; i++) {
            tailScore[i] = max == 0 ? 1f : (float) (1 - Math.log1p(pop[i]) / Math.log1p(max));
        }
    }

    /** λ, the weight of the tail. */
    public double lambda() {
        return lambda;
    }

    @Override
    public int numItems() {
        return base.numItems();
    }

    @Override
    public void score(int[] users, float[] out) {
        base.score(users, out);
        int n = numItems();
        int k = TopK.cappedK(candidates, n);
        int[] top = new int[k];
        float[] heap = new float[k];
        float[] s = new float[k];
        int[] rs = train.csrRowStart();
        int[] items = train.csrItems();
        for (int r = 0; r < users.length; r++) {
            int u = users[r];
            int off = r * n;
            int got = TopK.select(out, off, n, items, rs[u], rs[u + 1], k, top, heap);
            float max = Float.NEGATIVE_INFINITY;
            float min = Float.POSITIVE_INFINITY;
            for (int j = 0; j < got; j++) {
                s[j] = out[off + top[j]];
                max = Math.max(max, s[j]);
                min = Math.min(min, s[j]);
            }
            Arrays.fill(out, off, off + n, Float.NEGATIVE_INFINITY);
            float range = max - min;
            for (int j = 0; j < got; j++) {
                float norm = range > 0 ? (s[j] - min) / range : 1f;
                out[off + top[j]] = (float) ((1 - lambda) * norm + lambda * tailScore[top[j]]);
            }
        }
    }
}
