package io.recsys4j.gnn;

import io.recsys4j.core.IdMap;
import io.recsys4j.core.Interactions;
import io.recsys4j.core.Scorer;
import io.recsys4j.core.TopK;
import io.recsys4j.core.Workers;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** The recommendation lists every model family returns, from its scores: one place for k's rules and the list shape. */
final class TopLists {
    private TopLists() {
    }

    /**
     * The best {@code k} items of one score row, skipping {@code excluded[from .. to)} (ascending).
     *
     * @throws IllegalArgumentException if k < 1
     */
    static List<Recommendation> of(float[] s, int[] excluded, int from, int to, int k, IdMap items) {
        int kk = TopK.cappedK(k, s.length);
        int[] top = new int[kk];
        float[] heap = new float[kk];
        int n = TopK.select(s, 0, s.length, excluded, from, to, kk, top, heap);
        List<Recommendation> out = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            out.add(new Recommendation(items.id(top[j]), s[top[j]]));
        }
        return out;
    }

    /** {@link Recommender#recommendBatch} for any scorer over {@code train}'s users and items. */
    static void batch(Scorer scorer, Interactions train, List<String> userIds, int k, int blockSize, Workers workers,
                      BiConsumer<String, List<Recommendation>> sink) {
        int[] indices = new int[userIds.size()];
        for (int j = 0; j < indices.length; j++) {
            indices[j] = train.users().require(userIds.get(j));
        }
        IdMap items = train.items();
        int[] position = {0};
        TopK.forUsers(scorer, train, indices, k, blockSize, workers, (u, top, scores) -> {
            List<Recommendation> out = new ArrayList<>(top.length);
            for (int r = 0; r < top.length; r++) {
                out.add(new Recommendation(items.id(top[r]), scores[r]));
            }
            sink.accept(userIds.get(position[0]++), out);
        });
    }
}
