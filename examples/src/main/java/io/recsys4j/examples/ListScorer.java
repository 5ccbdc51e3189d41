package io.recsys4j.examples;

import io.recsys4j.core.IdMap;
import io.recsys4j.core.Scorer;
import io.recsys4j.gnn.Recommendation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Scores that rank each served user's list first, in its order, so lists served some other way
 * (fold-in, friends) go through {@code RankingEvaluator}; other users and items score nothing.
 */
record ListScorer(Map<Integer, List<Recommendation>> lists, IdMap items) implements Scorer {
    @Override
    public int numItems() {
        return items.size();
    }

    @Override
    public void score(int[] users, float[] out) {
        int n = items.size();
        for (int r = 0; r < users.length; r++) {
            Arrays.fill(out, r * n, (r + 1) * n, Float.NEGATIVE_INFINITY);
            List<Recommendation> l = lists.getOrDefault(users[r], List.of());
            for (int k = 0; k < l.size(); k++) {
                out[r * n + items.indexOf(l.get(k).itemId())] = l.size() - k;
            }
        }
    }
}
