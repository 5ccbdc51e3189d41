package io.recsys4j.gnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recsys4j.core.IdMap;
import io.recsys4j.core.Interactions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log where people buy the same thing again (issue 10): a trained model never
 * recommends a user something the user already has, however many times it was bought and
 * through whichever door the repeats came in.
 */
class RepeatedInteractionsTest {
    private static final int USERS = 40;
    private static final int ITEMS = 30;

    /** The distinct (user id, item id) pairs of the log, as the model must see them. */
    private static final List<Set<String>> HAS = new ArrayList<>();
    private static Interactions train;
    private static GraphRecommender model;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainOnALogWithRepeats() {
        SplittableRandom r = new SplittableRandom(10);
        // Half the log by index through Interactions.of, half by string id through the
        // builder; each bought item is bought one to four times, the repeats interleaved.
        IdMap users = IdMap.range(USERS);
        IdMap items = IdMap.range(ITEMS);
        List<int[]> log = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            HAS.add(new HashSet<>());
            for (int i = 0; i < ITEMS; i++) {
                // Users like items close to their own number, so there is something to learn.
                if (Math.abs((u % ITEMS) - i) < 4 || r.nextInt(10) == 0) {
                    HAS.get(u).add(items.id(i));
                    int times = 1 + r.nextInt(4);
                    for (int t = 0; t < times; t++) {
                        log.add(new int[] {u, i});
                    }
                }
            }
        }
        for (int k = log.size() - 1; k > 0; k--) {
            int j = r.nextInt(k + 1);
            int[] t = log.get(k);
            log.set(k, log.get(j));
            log.set(j, t);
        }
        int half = log.size() / 2;
        int[] u = new int[half];
        int[] i = new int[half];
        for (int k = 0; k < half; k++) {
            u[k] = log.get(k)[0];
            i[k] = log.get(k)[1];
        }
        Interactions first = Interactions.of(users, items, u, i, null, null);
        Interactions.Builder b = Interactions.builder(users, items);
        for (int k = half; k < log.size(); k++) {
            b.add(users.id(log.get(k)[0]), items.id(log.get(k)[1]));
        }
        train = first.concat(b.build());
        assertTrue(first.mergedRepeats() > 0, "the log has repeats");
        model = GraphRecommender.builder().interactions(train).kind(ModelKind.LIGHTGCN).layers(2).dim(8)
                .epochs(3).batchSize(256).learningRate(0.01).seed(5).threads(2).fit();
    }

    private static void assertNoTrainingItem(String user, List<Recommendation> recs) {
        int u = Integer.parseInt(user);
        assertEquals(ITEMS - HAS.get(u).size(), recs.size(), "user " + user + " gets every item not yet bought");
        for (Recommendation rec : recs) {
            assertFalse(HAS.get(u).contains(rec.itemId()), "user " + user + " was recommended " + rec.itemId()
                    + ", which the user already has");
        }
    }

    @Test
    void recommend_neverReturnsATrainingItem_ofAUserWithRepeatedPairs() {
        for (int u = 0; u < USERS; u++) {
            assertNoTrainingItem(Integer.toString(u), model.recommend(Integer.toString(u), ITEMS));
        }
    }

    @Test
    void recommendBatch_neverReturnsATrainingItem_ofAUserWithRepeatedPairs() {
        List<String> ids = new ArrayList<>();
        for (int u = USERS - 1; u >= 0; u--) {
            ids.add(Integer.toString(u));
        }
        List<String> seen = new ArrayList<>();
        model.recommendBatch(ids, ITEMS, 7, (user, recs) -> {
            seen.add(user);
            assertNoTrainingItem(user, recs);
        });
        assertEquals(ids, seen);
    }

    @Test
    void aSavedModel_stillNeverReturnsATrainingItem() throws IOException {
        Path f = dir.resolve("model.bin");
        model.save(f);
        GraphRecommender back = GraphRecommender.load(f);
        for (int u = 0; u < USERS; u += 3) {
            assertNoTrainingItem(Integer.toString(u), back.recommend(Integer.toString(u), ITEMS));
        }
    }
}
