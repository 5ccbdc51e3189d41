package io.recsys4j.gnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recsys4j.core.split.Split;
import io.recsys4j.core.split.Splits;
import io.recsys4j.core.synthetic.SyntheticWorld;
import io.recsys4j.text.HashingEncoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFedTest {
    private static SyntheticWorld world;
    private static Split cold;
    private static float[][] vectors;
    private static GraphRecommender textFed;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        world = SyntheticWorld.builder().users(300).items(600).interactions(10000).categories(8).seed(4).build();
        cold = Splits.coldItems(world.interactions(), 0.2, 4);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < world.interactions().numItems(); i++) {
            texts.add(world.itemText().text(i));
        }
        vectors = HashingEncoder.fit(texts, 256).encodeToArrays(texts);
        textFed = builder().itemText(vectors).fit();
    }

    private static GraphRecommender.Builder builder() {
        return GraphRecommender.builder().interactions(cold.train()).layers(2).dim(16).epochs(12).batchSize(512)
                .learningRate(0.01).seed(1).threads(2);
    }

    /** Ranks only the held-out items: the cold-start protocol (warm items score -inf, AUC off). */
    private static double coldRecall(GraphRecommender m) {
        int[] trainDeg = cold.train().itemDegrees();
        io.recsys4j.core.Scorer onlyCold = new io.recsys4j.core.Scorer() {
            @Override
            public int numItems() {
                return m.numItems();
            }

            @Override
            public void score(int[] users, float[] out) {
                m.score(users, out);
                int n = m.numItems();
                for (int r = 0; r < users.length; r++) {
                    for (int i = 0; i < n; i++) {
                        if (trainDeg[i] > 0) {
                            out[r * n + i] = Float.NEGATIVE_INFINITY;
                        }
                    }
                }
            }
        };
        return io.recsys4j.eval.RankingEvaluator.builder().ks(20).auc(false).build()
                .evaluate(onlyCold, cold.train(), cold.test()).mean("recall@20");
    }

    @Test
    void heldOutItems_arePlacedByText_farAboveLightGcn() {
        GraphRecommender plain = builder().fit();
        double t = coldRecall(textFed);
        double p = coldRecall(plain);
        assertTrue(t > 2 * p && t > 0.02, "text-fed " + t + " vs LightGCN " + p + " on held-out items");
    }

    @Test
    void addItem_placesANewItemFromTextAlone() {
        GraphRecommender more = textFed.addItem("brand-new", vectors[7]);
        assertEquals(textFed.items().size() + 1, more.items().size());
        float[] w = textFed.projection();
        float[] u = textFed.userEmbeddings();
        int d = textFed.dim();
        float expected = 0;
        for (int j = 0; j < d; j++) {
            float e = 0;
            for (int f = 0; f < textFed.featureDim(); f++) {
                e += vectors[7][f] * w[f * d + j];
            }
            expected += u[j] * e / 3f;
        }
        assertEquals(expected, more.score(textFed.users().id(0), "brand-new"), 1e-4f);
        assertThrows(IllegalArgumentException.class, () -> textFed.addItem("brand-new", new float[3]));
    }

    /** A NaN or infinite component is refused by name instead of emptying the lists it touches. */
    @Test
    void nonFiniteTextVectors_areRefused_forNewItemsAndNewUsers() {
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY}) {
            float[] v = vectors[7].clone();
            v[2] = bad;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> textFed.addItem("x", v));
            assertTrue(e.getMessage().contains("component 2"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> textFed.recommendForHistory(List.of(), List.of(), v, 10));
        }
    }

    /** k = 0 threw ArrayIndexOutOfBoundsException and k = -1 NegativeArraySizeException; a huge k asked for an impossible array. */
    @Test
    void everyK_isCheckedOnce_andCappedAtTheCatalogue() {
        for (int bad : new int[] {0, -1, Integer.MIN_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> textFed.recommendForHistory(List.of(), List.of(), vectors[1], bad));
            assertTrue(e.getMessage().contains("k must be >= 1"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> textFed.recommend(textFed.users().id(0), bad));
        }
        int n = textFed.items().size();
        assertEquals(n, textFed.recommendForHistory(List.of(), List.of(), vectors[1], Integer.MAX_VALUE).size());
        String u = textFed.users().id(0);
        assertEquals(n - textFed.trainingInteractions().degree(0), textFed.recommend(u, Integer.MAX_VALUE).size());
    }

    @Test
    void newUser_fromProfileText_getsItemsOfThatCategory() {
        int item = 5;
        int category = world.category(item);
        List<Recommendation> r = textFed.recommendForHistory(List.of(), List.of(), vectors[item], 10);
        long same = r.stream().filter(x -> world.category(Integer.parseInt(x.itemId().substring(1))) == category).count();
        assertTrue(same >= 6, same + " of 10 in the profile's category");
        List<Recommendation> viaFriend = textFed.recommendForHistory(List.of(), List.of(textFed.users().id(3)), null, 10);
        assertEquals(10, viaFriend.size());
    }

    @Test
    void textFedModel_roundTripsThroughTheModelFile() throws IOException {
        Path f = dir.resolve("m.bin");
        textFed.save(f);
        GraphRecommender back = GraphRecommender.load(f);
        assertArrayEquals(textFed.projection(), back.projection(), 0f);
        assertEquals(textFed.recommend(textFed.users().id(2), 10), back.recommend(textFed.users().id(2), 10));
        assertEquals(textFed.addItem("x", vectors[1]).recommend(textFed.users().id(2), 10),
                back.addItem("x", vectors[1]).recommend(textFed.users().id(2), 10));
    }

    @Test
    void coldStartTuning_followsItsDocumentedProtocol() {
        java.util.function.Supplier<GraphRecommender.Builder> textFedBuilder =
                () -> builder().itemText(vectors).epochs(6).patience(2);
        ColdStartTuning.Result t = ColdStartTuning.tune(textFedBuilder, cold.train(), 9, 2, 0, 0);
        assertEquals(List.of(0.0, 2.0), t.candidates().stream().map(ColdStartTuning.Candidate::coldStartWeight).toList());
        ColdStartTuning.Candidate best = t.candidates().stream()
                .max(java.util.Comparator.comparingDouble(ColdStartTuning.Candidate::validation)).orElseThrow();
        assertEquals(best.coldStartWeight(), t.coldStartWeight());
        assertEquals(best.epochs(), t.epochs());

        // Recompute one candidate by hand: 10% of the items held out (seed + 1), then 10% of
        // each user's other items (seed + 2); the mean of cold and warm recall@20.
        ColdStartTuning.Candidate c = t.candidates().get(1);
        Split items = Splits.coldItems(cold.train(), 0.1, 10);
        Split pairs = Splits.randomPerUser(items.train(), 0.1, 11);
        GraphRecommender m = textFedBuilder.get().interactions(pairs.train()).coldStartWeight(2).epochs(c.epochs())
                .patience(0).fit();
        int[] coldDeg = items.test().itemDegrees();
        int[] warmDeg = items.train().itemDegrees();
        boolean[] isCold = new boolean[coldDeg.length];
        boolean[] isWarm = new boolean[coldDeg.length];
        for (int i = 0; i < coldDeg.length; i++) {
            isCold[i] = coldDeg[i] > 0;
            isWarm[i] = warmDeg[i] > 0;
        }
        io.recsys4j.eval.RankingEvaluator ev = io.recsys4j.eval.RankingEvaluator.builder().ks(20).auc(false).build();
        double coldRecall = ev.evaluate(new io.recsys4j.eval.CandidateFilter(m, isCold), pairs.train(), items.test())
                .mean("recall@20");
        double warmRecall = ev.evaluate(new io.recsys4j.eval.CandidateFilter(m, isWarm), pairs.train(), pairs.test())
                .mean("recall@20");
        assertEquals((coldRecall + warmRecall) / 2, c.validation(), 1e-9);
        assertTrue(coldRecall > 0.1, "held-out items placed from text: " + coldRecall);

        GraphRecommender.Builder applied = t.applyTo(builder().itemText(vectors));
        assertEquals(t.epochs(), applied.settings().epochs());
        assertEquals(0, applied.settings().patience());
        assertThrows(IllegalArgumentException.class, () -> ColdStartTuning.tune(this::plainBuilder, cold.train(), 9, 1));
        assertThrows(IllegalArgumentException.class, () -> ColdStartTuning.tune(textFedBuilder, cold.train(), 9));
    }

    private GraphRecommender.Builder plainBuilder() {
        return builder().epochs(1);
    }
}
