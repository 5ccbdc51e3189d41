package io.recsys4j.gnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recsys4j.core.Dataset;
import io.recsys4j.core.split.Split;
import io.recsys4j.core.split.Splits;
import io.recsys4j.core.synthetic.SyntheticWorld;
import io.recsys4j.gnn.internal.serving.ScoreDecomposition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fold-in and explanations of the LightGCN family, against the model's own training forward pass. */
class FoldInTest {
    private static Dataset data;
    private static Map<ModelKind, GraphRecommender> models;
    private static GraphRecommender textFed;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        SyntheticWorld w = SyntheticWorld.builder().users(200).items(300).interactions(5000).categories(6).seed(5).build();
        Split s = Splits.randomPerUser(w.interactions(), 0.2, 5);
        data = Dataset.builder().train(s.train()).test(s.test()).social(w.social()).build();
        models = new java.util.EnumMap<>(ModelKind.class);
        for (ModelKind k : List.of(ModelKind.LIGHTGCN, ModelKind.SOCIALCL, ModelKind.SOCIAL)) {
            GraphRecommender.Builder b = GraphRecommender.builder().interactions(data.train()).kind(k).layers(3).dim(16)
                    .epochs(8).batchSize(512).learningRate(0.01).seed(3).threads(2);
            if (k.usesSocial()) {
                b.social(data.social().orElseThrow());
            }
            models.put(k, b.fit());
        }
        float[][] x = new float[data.items().size()][8];
        java.util.SplittableRandom r = new java.util.SplittableRandom(2);
        for (float[] v : x) {
            for (int j = 0; j < v.length; j++) {
                v[j] = (float) r.nextGaussian();
            }
        }
        textFed = GraphRecommender.builder().interactions(data.train()).kind(ModelKind.LIGHTGCN).layers(2).dim(16)
                .epochs(5).batchSize(512).learningRate(0.01).seed(3).threads(2).itemText(x).fit();
    }

    private static List<GraphRecommender> all() {
        List<GraphRecommender> l = new ArrayList<>(models.values());
        l.add(textFed);
        return l;
    }

    @Test
    void decomposition_rebuildsEveryTrainedUserEmbedding() {
        for (GraphRecommender m : all()) {
            ScoreDecomposition dec = m.decomposition();
            float[] trained = m.userEmbeddings();
            for (int u = 0; u < m.users().size(); u++) {
                float[] e = dec.embedding(u);
                for (int j = 0; j < m.dim(); j++) {
                    assertEquals(trained[u * m.dim() + j], e[j], 1e-5, m.settings().kind() + " user " + u + " dim " + j);
                }
            }
        }
        assertTrue(models.get(ModelKind.SOCIAL).decomposition().social(), "the social operator has friend columns");
        assertFalse(models.get(ModelKind.SOCIALCL).decomposition().social(), "socialcl propagates over items only");
    }

    @Test
    void explanation_sumsToTheScore_withEveryNeighbour() {
        for (GraphRecommender m : all()) {
            boolean social = m.settings().kind() == ModelKind.SOCIAL;
            for (int u = 0; u < 40; u++) {
                String user = m.users().id(u);
                String item = m.items().id((u * 7) % m.items().size());
                List<Contribution> parts = m.explain(user, item, Integer.MAX_VALUE);
                double sum = parts.stream().mapToDouble(Contribution::amount).sum();
                assertEquals(m.score(user, item), sum, 1e-5, m.settings().kind() + " " + user);
                Set<String> items = parts.stream().filter(c -> c.kind().equals("item")).map(Contribution::id)
                        .collect(Collectors.toSet());
                Set<String> history = java.util.Arrays.stream(data.train().itemsOf(u)).mapToObj(i -> data.items().id(i))
                        .collect(Collectors.toSet());
                assertEquals(history, items, "one part per history item");
                long friends = parts.stream().filter(c -> c.kind().equals("friend")).count();
                assertEquals(social ? data.social().orElseThrow().degree(u) : 0, friends);
                assertEquals(m == textFed ? 1 : 0, parts.stream().filter(c -> c.kind().equals("text")).count());
                double shares = parts.stream().mapToDouble(Contribution::share).sum();
                assertEquals(1.0, shares, 1e-9);
                for (int q = 1; q < parts.size(); q++) {
                    assertTrue(Math.abs(parts.get(q - 1).amount()) >= Math.abs(parts.get(q).amount()), "largest first");
                }
            }
            List<Contribution> top3 = m.explain(m.users().id(0), m.items().id(0), 3);
            assertEquals(3, top3.size());
        }
    }

    @Test
    void newUser_withInteractions_isTheFoldInOfTheirHistory_andMasksIt() {
        for (GraphRecommender m : all()) {
            List<String> hist = List.of(m.items().id(1), m.items().id(5), m.items().id(9));
            List<Recommendation> folded = m.recommendForHistory(hist, List.of(), null, 10);
            GraphRecommender grown = m.withInteractions("newcomer", hist);
            assertEquals(folded, grown.recommend("newcomer", 10));
            assertTrue(grown.recommend("newcomer", 300).stream().noneMatch(r -> hist.contains(r.itemId())));
            assertEquals(m.users().size() + 1, grown.users().size());
            assertFalse(m.users().contains("newcomer"), "the model itself is unchanged");
            // Every other user keeps their trained scores.
            assertEquals(m.recommend(m.users().id(4), 10), grown.recommend(m.users().id(4), 10));
            // The new user's explanation sums to their score too.
            double sum = grown.explain("newcomer", m.items().id(2), 100).stream().mapToDouble(Contribution::amount).sum();
            assertEquals(grown.score("newcomer", m.items().id(2)), sum, 1e-5);
        }
    }

    @Test
    void knownUser_withInteractions_addsTheItemsToTheirRow() {
        GraphRecommender m = models.get(ModelKind.LIGHTGCN);
        String user = m.users().id(3);
        List<Recommendation> before = m.recommend(user, 5);
        List<String> add = List.of(before.get(0).itemId(), before.get(1).itemId());
        GraphRecommender grown = m.withInteractions(user, add);
        List<Recommendation> after = grown.recommend(user, 20);
        assertTrue(after.stream().noneMatch(r -> add.contains(r.itemId())), "the new items are masked");
        assertEquals(data.train().degree(3) + 2, grown.trainingInteractions().degree(3));
        long newParts = grown.explain(user, m.items().id(0), 1000).stream().filter(c -> add.contains(c.id())).count();
        assertEquals(2, newParts, "the new items are parts of the explanation");
        // Adding nothing new rebuilds the same embedding (up to rounding).
        GraphRecommender same = m.withInteractions(user, List.of(m.items().id(data.train().itemsOf(3)[0])));
        assertEquals(m.score(user, m.items().id(7)), same.score(user, m.items().id(7)), 1e-5);
    }

    @Test
    void socialModel_foldsFriendsIntoTheRow_othersAverageTheirMean() {
        GraphRecommender social = models.get(ModelKind.SOCIAL);
        String f1 = social.users().id(0);
        String f2 = social.users().id(1);
        assertEquals(10, social.recommendForHistory(List.of(), List.of(f1, f2), null, 10).size());
        GraphRecommender cl = models.get(ModelKind.SOCIALCL);
        // Friends alone: the mean of their embeddings, scored against every item.
        float[] a = cl.userEmbeddings();
        int d = cl.dim();
        float[] mean = new float[d];
        for (int j = 0; j < d; j++) {
            mean[j] = (a[j] + a[d + j]) / 2;
        }
        float[] items = cl.itemEmbeddings();
        Recommendation top = cl.recommendForHistory(List.of(), List.of(f1, f2), null, 1).get(0);
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < cl.items().size(); i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += mean[j] * items[i * d + j];
            }
            if (s > bestScore) {
                bestScore = s;
                best = i;
            }
        }
        assertEquals(cl.items().id(best), top.itemId());
    }

    @Test
    void badRequests_areRefusedClearly() {
        GraphRecommender m = models.get(ModelKind.LIGHTGCN);
        assertThrows(IllegalArgumentException.class, () -> m.recommendForHistory(List.of(), List.of(), null, 10));
        assertThrows(NoSuchElementException.class, () -> m.recommendForHistory(List.of("no-such"), List.of(), null, 10));
        assertThrows(NoSuchElementException.class, () -> m.explain("no-such", m.items().id(0), 5));
        assertThrows(IllegalArgumentException.class, () -> m.explain(m.users().id(0), m.items().id(0), 0));
        assertThrows(IllegalStateException.class, () -> m.recommendForHistory(List.of(), List.of(), new float[8], 10),
                "a profile needs a text-fed model");
        GraphRecommender plain = GraphRecommender.fromEmbeddings(data.train(), m.userEmbeddings(), m.itemEmbeddings(), 16);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> plain.explain(m.users().id(0), m.items().id(0), 5));
        assertTrue(e.getMessage().contains("decomposition"), e.getMessage());
    }

    @Test
    void decomposition_survivesTheModelFile() throws IOException {
        for (GraphRecommender m : all()) {
            Path f = dir.resolve(m.settings().kind() + (m == textFed ? "-text" : "") + ".bin");
            m.save(f);
            GraphRecommender back = GraphRecommender.load(f);
            String user = m.users().id(2);
            assertEquals(m.explain(user, m.items().id(3), 50), back.explain(user, m.items().id(3), 50));
            List<String> hist = List.of(m.items().id(0), m.items().id(2));
            assertEquals(m.recommendForHistory(hist, List.of(), null, 10), back.recommendForHistory(hist, List.of(), null, 10));
        }
    }

    @Test
    void handCase_weightsAndSums() {
        // One user with items 0 and 1, d = 2: e = self + w0 h_0 + w1 h_1.
        ScoreDecomposition dec = new ScoreDecomposition(1, 2, new float[] {0.5f, 0f}, null, new float[] {0f, 0f},
                new float[] {1f, 2f, 3f, -1f}, new ScoreDecomposition.Rows(new int[] {0, 2}, new int[] {0, 1},
                new float[] {0.25f, 0.5f}), new ScoreDecomposition.Rows(new int[] {0, 0}, new int[0], new float[0]));
        assertArrayEquals(new float[] {0.5f + 0.25f + 1.5f, 0.5f - 0.5f}, dec.embedding(0), 1e-7f);
        // (1 - β) / sqrt(|H| d_j): with β = 0.25, 3 items and degree 12: 0.75 / 6.
        assertEquals(0.125f, ScoreDecomposition.itemWeight(0.25, 3, 12), 1e-7f);
        assertEquals(0.25f / 4, ScoreDecomposition.friendWeight(0.25, 2, 8), 1e-7f);
        ScoreDecomposition two = dec.withRows(1, new int[] {1}, new float[] {2f}, new int[0], new float[0], null);
        assertArrayEquals(new float[] {6f, -2f}, two.embedding(1), 1e-7f);
        assertArrayEquals(dec.embedding(0), two.embedding(0), 0f);
    }
}
