package io.recsys4j.eval;

import io.recsys4j.core.Interactions;
import io.recsys4j.core.Scorer;

/**
 * Restricts a scorer's candidates to a subset of the catalogue, e.g. the held-out items of
 * a cold-start evaluation: the other items get a NaN score, which top-K selection skips.
 * Evaluate with AUC off (a NaN score is not a ranking). Immutable and thread-safe when the
 * wrapped scorer is.
 */
public final class CandidateFilter implements Scorer {
    private final Scorer scorer;
    private final boolean[] allowed;

    /**
     * @param allowed one flag per item: true for a candidate
     * @throws IllegalArgumentException if the length differs from the scorer's item count
     */
    public CandidateFilter(Scorer scorer, boolean[] allowed) {
        if (allowed.length != scorer.numItems()) {
            throw new IllegalArgumentException(allowed.length + " flags for " + scorer.numItems() + " items");
        }
        this.scorer = scorer;
        this.allowed = allowed.clone();
    }

    /**
     * Candidates are the items with at least one interaction in {@code data}: the held-out
     * items of a cold-start split's test part, say, or the warm items of its training part.
     *
     * @throws IllegalArgumentException if data's catalogue differs in size from the scorer's
     */
    public static CandidateFilter itemsIn(Scorer scorer, Interactions data) {
        int[] deg = data.itemDegrees();
        boolean[] allowed = new boolean[deg.length];
        for (int i = 0; i < deg.length; i++) {
            allowed[i] = deg[i] > 0;
        }
        return new CandidateFilter(scorer, allowed);
    }

    @Override
    public int numItems() {
        return allowed.length;
    }

    @Override
    public void score(int[] users, float[] out) {
        scorer.score(users, out);
        int n = allowed.length;
        for (int r = 0; r < users.length; r++) {
            for (int i = 0; i < n; i++) {
                if (!allowed[i]) {
                    out[r * n + i] = Float.NaN;
                }
            }
        }
    }
}
