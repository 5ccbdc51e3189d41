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
import io.recsys4j.eval.EvaluationReport;
import io.recsys4j.eval.RankingEvaluator;
import io.recsys4j.eval.baseline.PopularityScorer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphRecommenderTest {
    private static Dataset data;
    private static GraphRecommender model;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        SyntheticWorld w = SyntheticWorld.builder().users(300).items(500).interactions(9000).categories(8).seed(1).build();
        Split s = Splits.randomPerUser(w.interactions(), 0.2, 1);
        data = Dataset.builder().train(s.train()).test(s.test()).social(w.social()).build();
        model = builder().fit();
    }

    private static GraphRecommender.Builder builder() {
        return GraphRecommender.builder().interactions(data.train()).kind(ModelKind.LIGHTGCN).layers(2).dim(16)
                .epochs(15).batchSize(512).learningRate(0.01).seed(3).threads(2);
    }

    @Test
    void fit_beatsThePopularityBaseline() {
        EvaluationReport m = model.evaluate(data.test().orElseThrow(), 20);
        EvaluationReport pop = RankingEvaluator.builder().ks(20).build()
                .evaluate(new PopularityScorer(data.train()), data.train(), data.test().orElseThrow());
        assertTrue(m.mean("recall@20") > 1.1 * pop.mean("recall@20"),
                "model " + m.mean("recall@20") + " vs popularity " + pop.mean("recall@20"));
    }

    @Test
    void recommend_excludesTrainingItemsAndIsSortedByScore() {
        for (int u = 0; u < 50; u++) {
            String user = data.users().id(u);
            List<Recommendation> r = model.recommend(user, 10);
            assertEquals(10, r.size());
            for (int j = 0; j < r.size(); j++) {
                assertFalse(data.train().contains(u, data.items().indexOf(r.get(j).itemId())), "training item recommended");
                assertEquals(model.score(user, r.get(j).itemId()), r.get(j).score(), 0f);
                if (j > 0) {
                    assertTrue(r.get(j - 1).score() >= r.get(j).score());
                }
            }
        }
        assertThrows(java.util.NoSuchElementException.class, () -> model.recommend("nobody", 5));
    }

    @Test
    void recommendBatch_streamsTheSameListsAsRecommend() {
        List<String> ids = new ArrayList<>();
        for (int u = 0; u < 40; u++) {
            ids.add(data.users().id(u));
        }
        List<String> seen = new ArrayList<>();
        model.recommendBatch(ids, 10, 7, (user, recs) -> {
            seen.add(user);
            List<Recommendation> one = model.recommend(user, 10);
            assertEquals(one.size(), recs.size());
            for (int j = 0; j < recs.size(); j++) {
                // One scoring path: the same items with the same floats, not merely close ones.
                assertEquals(one.get(j), recs.get(j));
                assertEquals(Float.floatToIntBits(one.get(j).score()), Float.floatToIntBits(recs.get(j).score()));
            }
        });
        assertEquals(ids, seen);
    }

    /** Every door checks k once: below 1 is refused, any k above the catalogue means every item. */
    @Test
    void k_isValidatedAndCappedAtTheCatalogue_inEveryDoor() {
        int n = model.numItems();
        io.recsys4j.core.Interactions train = data.train();
        String user = train.users().id(0);
        int candidates = n - train.degree(0);
        for (int bad : new int[] {0, -1, Integer.MIN_VALUE}) {
            assertThrows(IllegalArgumentException.class, () -> model.recommend(user, bad));
            assertThrows(IllegalArgumentException.class, () -> model.recommendForHistory(List.of(), List.of(user), null, bad));
            assertThrows(IllegalArgumentException.class, () -> model.recommendBatch(List.of(user), bad, 8, (u, r) -> { }));
        }
        assertEquals(candidates, model.recommend(user, Integer.MAX_VALUE).size());
        assertEquals(n, model.recommendForHistory(List.of(), List.of(user), null, Integer.MAX_VALUE).size());
        List<List<Recommendation>> got = new java.util.ArrayList<>();
        model.recommendBatch(List.of(user), Integer.MAX_VALUE, 8, (u, r) -> got.add(r));
        assertEquals(candidates, got.get(0).size());
        io.recsys4j.eval.EvaluationReport r = io.recsys4j.eval.RankingEvaluator.builder().ks(Integer.MAX_VALUE)
                .auc(false).build().evaluate(model, train, data.test().orElseThrow());
        assertEquals(1.0, r.mean("recall@" + Integer.MAX_VALUE), 1e-12, "every item listed, so every held item found");
    }

    @Test
    void everyDoor_givesTheSamePairTheSameScoreBitForBit() {
        int n = model.numItems();
        int[] block = {5, 0, 17, 5, 42};
        float[] blockScores = new float[block.length * n];
        model.score(block, blockScores);
        for (int r = 0; r < block.length; r++) {
            String user = data.users().id(block[r]);
            // A new user whose only friend is this user has exactly this user's embedding.
            java.util.Map<String, Float> asNewUser = new java.util.HashMap<>();
            for (Recommendation rec : model.recommendForHistory(List.of(), List.of(user), null, n)) {
                asNewUser.put(rec.itemId(), rec.score());
            }
            assertEquals(n, asNewUser.size());
            java.util.Map<String, Float> recommended = new java.util.HashMap<>();
            for (Recommendation rec : model.recommend(user, 30)) {
                recommended.put(rec.itemId(), rec.score());
            }
            java.util.concurrent.atomic.AtomicReference<List<Recommendation>> batch = new java.util.concurrent.atomic.AtomicReference<>();
            model.recommendBatch(List.of(user), 30, 1, (u, recs) -> batch.set(recs));
            for (Recommendation rec : batch.get()) {
                assertEquals(Float.floatToIntBits(recommended.get(rec.itemId())), Float.floatToIntBits(rec.score()));
            }
            for (int i = 0; i < n; i++) {
                String item = data.items().id(i);
                int bits = Float.floatToIntBits(model.score(user, item));
                assertEquals(bits, Float.floatToIntBits(blockScores[r * n + i]), "block, user " + user + " item " + item);
                assertEquals(bits, Float.floatToIntBits(asNewUser.get(item)), "new user, item " + item);
                if (recommended.containsKey(item)) {
                    assertEquals(bits, Float.floatToIntBits(recommended.get(item)), "recommend, item " + item);
                }
            }
        }
    }

    @Test
    void saveAndLoad_giveIdenticalRecommendations() throws IOException {
        Path f = dir.resolve("m/model.bin");
        model.save(f);
        GraphRecommender back = GraphRecommender.load(f);
        assertArrayEquals(model.userEmbeddings(), back.userEmbeddings(), 0f);
        assertArrayEquals(model.itemEmbeddings(), back.itemEmbeddings(), 0f);
        assertEquals(model.settings(), back.settings());
        assertEquals(model.history(), back.history());
        for (int u = 0; u < data.users().size(); u += 7) {
            assertEquals(model.recommend(data.users().id(u), 20), back.recommend(data.users().id(u), 20));
        }
        try (var s = Files.list(f.getParent())) {
            assertEquals(1, s.count(), "no temporary file left behind");
        }
    }

    /** A tiny model file in the layout of format version 1 or 2, written field by field as those versions did. */
    private static byte[] oldFormat(int version) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        out.write("RECSYS4J-GNN".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.writeInt(version);
        out.writeUTF("social");
        out.writeDouble(0.3);
        for (int v : new int[] {2, 2, 5, 64}) {   // layers, dim, epochs, batch size
            out.writeInt(v);
        }
        out.writeDouble(0.01);
        out.writeDouble(1e-4);
        out.writeDouble(0.1);
        out.writeLong(7);
        for (int v : new int[] {3, 0, 0, 20}) {   // threads, evalEvery, patience, validationK
            out.writeInt(v);
        }
        out.writeInt(2);                          // dim
        for (String[] ids : new String[][] {{"u0", "u1"}, {"i0", "i1", "i2"}}) {
            out.writeInt(ids.length);
            for (String id : ids) {
                out.writeUTF(id);
            }
        }
        out.writeInt(2);                          // pairs (0, 1), (1, 2)
        for (int v : new int[] {0, 1, 1, 2}) {
            out.writeInt(v);
        }
        for (float[] e : new float[][] {{1, 2, 3, 4}, {0.5f, 0, 0, 1, 2, 2}}) {
            out.writeInt(e.length);
            for (float f : e) {
                out.writeFloat(f);
            }
        }
        out.writeInt(0);                          // history
        out.writeInt(5);                          // best epoch
        if (version == 2) {
            out.writeInt(0);                      // feature dim
        }
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        return bytes.toByteArray();
    }

    @Test
    void load_readsVersion1And2Files() throws IOException {
        for (int version : new int[] {1, 2}) {
            Path old = dir.resolve("v" + version + ".bin");
            Files.write(old, oldFormat(version));
            GraphRecommender back = GraphRecommender.load(old);
            assertFalse(back.textFed());
            assertEquals(ModelKind.SOCIAL, back.settings().kind());
            assertEquals(0.3, back.settings().socialWeight().orElseThrow());
            assertEquals(3, back.settings().threads());
            // u0 = (1, 2): i1 = (0, 1) scores 2, i2 = (2, 2) scores 6; i0 is a training item.
            assertEquals(List.of(new Recommendation("i2", 6), new Recommendation("i0", 0.5f)),
                    back.recommend("u0", 2));
        }
    }

    /** Rewrites the int at {@code offset} of a saved file and fixes its checksum. */
    private static byte[] patched(byte[] file, java.util.function.Consumer<java.nio.ByteBuffer> change) {
        byte[] b = file.clone();
        change.accept(java.nio.ByteBuffer.wrap(b));
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(b, 0, b.length - 8);
        java.nio.ByteBuffer.wrap(b, b.length - 8, 8).putLong(crc.getValue());
        return b;
    }

    @Test
    void load_refusesANewerFormatVersionNamingItAndItsWriter() throws IOException {
        Path f = dir.resolve("m.bin");
        model.save(f);
        Path newer = dir.resolve("newer.bin");
        Files.write(newer, patched(Files.readAllBytes(f), b -> b.putInt("RECSYS4J-GNN".length(), ModelFile.VERSION + 1)));
        String message = assertThrows(IOException.class, () -> GraphRecommender.load(newer)).getMessage();
        assertTrue(message.contains("version " + (ModelFile.VERSION + 1)) && message.contains("written by recsys4j")
                && message.contains("upgrade"), message);
        assertThrows(IOException.class, () -> Recommender.load(newer));
    }

    @Test
    void load_refusesAFileOfAnotherFamilyNamingIt() throws IOException {
        Path f = dir.resolve("m.bin");
        model.save(f);
        // The family is the UTF string after the version: 2-byte length, then "lightgcn" (8 bytes).
        byte[] other = patched(Files.readAllBytes(f), b -> b.position("RECSYS4J-GNN".length() + 6)
                .put("bspm-svd".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        Path g = dir.resolve("other.bin");
        Files.write(g, other);
        String message = assertThrows(IOException.class, () -> Recommender.load(g)).getMessage();
        assertTrue(message.contains("family 'bspm-svd'") && message.contains("lightgcn"), message);
    }

    @Test
    void saveAndLoad_recordEverySettingTheFamilyAndTheLibraryVersion() throws IOException {
        GraphRecommender social = builder().kind(ModelKind.SOCIAL).socialWeight(0.4).social(data.social().orElseThrow())
                .threads(1).epochs(1).fit();
        Path f = dir.resolve("s.bin");
        social.save(f);
        Recommender back = Recommender.load(f);
        assertEquals(GraphRecommender.FAMILY, back.family());
        TrainingSettings s = ((GraphRecommender) back).settings();
        assertEquals(social.settings(), s);
        assertEquals(0.4, s.socialWeight().orElseThrow());
        assertEquals(1, s.threads());
        assertEquals(3, s.seed());
        String header = new String(Files.readAllBytes(f), 0, 60, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(header.contains("lightgcn") && header.contains(ModelFile.LIBRARY_VERSION), header);
        assertFalse(ModelFile.LIBRARY_VERSION.equals("unknown"), "the version resource is filtered");
        // The file is enough to train the same model again, bit for bit.
        GraphRecommender again = GraphRecommender.builder().settings(s).interactions(data.train())
                .social(data.social().orElseThrow()).fit();
        assertArrayEquals(social.userEmbeddings(), again.userEmbeddings(), 0f);
        assertArrayEquals(social.itemEmbeddings(), again.itemEmbeddings(), 0f);
    }

    @Test
    void load_rejectsACorruptFile() throws IOException {
        Path f = dir.resolve("model.bin");
        model.save(f);
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 1;
        Files.write(f, b);
        IOException e = assertThrows(IOException.class, () -> GraphRecommender.load(f));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        Files.write(f, java.util.Arrays.copyOf(b, 100));
        assertThrows(IOException.class, () -> GraphRecommender.load(f));
        Files.writeString(f, "hello");
        assertTrue(assertThrows(IOException.class, () -> GraphRecommender.load(f)).getMessage().contains("not a recsys4j model"));
    }

    @Test
    void recommend_isThreadSafe() throws Exception {
        int users = 100;
        List<List<Recommendation>> expected = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            expected.add(model.recommend(data.users().id(u), 10));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> fs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int seed = t;
                fs.add(pool.submit(() -> {
                    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
                    for (int k = 0; k < 300; k++) {
                        int u = r.nextInt(users);
                        if (!model.recommend(data.users().id(u), 10).equals(expected.get(u))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : fs) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sameSeedSameThreads_sameModelBitForBit() {
        GraphRecommender again = builder().fit();
        assertArrayEquals(model.userEmbeddings(), again.userEmbeddings(), 0f);
        assertArrayEquals(model.itemEmbeddings(), again.itemEmbeddings(), 0f);
        GraphRecommender other = builder().seed(4).fit();
        assertFalse(java.util.Arrays.equals(model.userEmbeddings(), other.userEmbeddings()));
    }

    @Test
    void socialModel_trainsWithTheSocialGraph() {
        GraphRecommender s = builder().kind(ModelKind.SOCIAL).social(data.social().orElseThrow()).epochs(3).fit();
        assertEquals(ModelKind.SOCIAL, s.settings().kind());
        assertTrue(s.evaluate(data.test().orElseThrow(), 20).mean("recall@20") > 0);
    }

    /** SocialLGN trains end to end through the trainer, learns (loss falls, beats popularity), saves and loads. */
    @Test
    void socialLgn_trainsLearnsAndRoundTrips() throws IOException {
        GraphRecommender s = builder().kind(ModelKind.SOCIALLGN).social(data.social().orElseThrow()).epochs(15).fit();
        assertEquals(ModelKind.SOCIALLGN, s.settings().kind());
        List<EpochStats> h = s.history();
        assertTrue(h.get(h.size() - 1).loss() < h.get(0).loss(), "loss falls: " + h.get(0).loss() + " -> " + h.get(h.size() - 1).loss());
        Path f = dir.resolve("sl.bin");
        s.save(f);
        GraphRecommender back = GraphRecommender.load(f);
        assertEquals(ModelKind.SOCIALLGN, back.settings().kind());
        String u = s.users().id(7);
        assertEquals(s.recommend(u, 10), back.recommend(u, 10));
        assertThrows(IllegalStateException.class,
                () -> GraphRecommender.builder().interactions(data.train()).kind(ModelKind.SOCIALLGN).fit());
    }

    @Test
    void socialCl_withoutSocialEdgesOrWeight_isLightGcnExactly() {
        GraphRecommender plain = builder().fit();
        io.recsys4j.core.SocialGraph none = io.recsys4j.core.SocialGraph.of(data.train().users(), new int[0], new int[0]);
        GraphRecommender noEdges = builder().kind(ModelKind.SOCIALCL).social(none).fit();
        GraphRecommender noWeight = builder().kind(ModelKind.SOCIALCL).social(data.social().orElseThrow())
                .contrastWeight(0).fit();
        float[] a = new float[plain.numItems()];
        float[] b = new float[plain.numItems()];
        float[] c = new float[plain.numItems()];
        for (int u = 0; u < data.train().numUsers(); u += 17) {
            plain.score(new int[] {u}, a);
            noEdges.score(new int[] {u}, b);
            noWeight.score(new int[] {u}, c);
            assertArrayEquals(a, b, 0f, "user " + u);
            assertArrayEquals(a, c, 0f, "user " + u);
        }
    }

    @Test
    void socialCl_trainsPullsFriendsTogetherAndRoundTrips() throws IOException {
        io.recsys4j.core.SocialGraph g = data.social().orElseThrow();
        GraphRecommender plain = builder().fit();
        GraphRecommender s = builder().kind(ModelKind.SOCIALCL).social(g).contrastWeight(0.5).fit();
        assertEquals(0.5, s.settings().contrastWeight().orElseThrow());
        // The term aligns users with their friends: mean cosine to the friends' mean rises.
        assertTrue(friendCosine(s, g) > friendCosine(plain, g) + 0.05,
                friendCosine(s, g) + " vs " + friendCosine(plain, g));
        Path f = dir.resolve("cl.bin");
        s.save(f);
        GraphRecommender back = GraphRecommender.load(f);
        assertEquals(s.settings(), back.settings());
        String u = s.users().id(7);
        assertEquals(s.recommend(u, 10), back.recommend(u, 10));
        assertThrows(IllegalArgumentException.class, () -> builder().contrastWeight(0.1).fit());
    }

    /** Mean over users with friends of cos(e_u, mean of the friends' e_v). */
    private static double friendCosine(GraphRecommender m, io.recsys4j.core.SocialGraph g) {
        float[] e = m.userEmbeddings();
        int d = m.dim();
        double sum = 0;
        int n = 0;
        for (int u = 0; u < g.numUsers(); u++) {
            int[] fr = g.neighbours(u);
            if (fr.length == 0) {
                continue;
            }
            double[] mean = new double[d];
            for (int v : fr) {
                for (int j = 0; j < d; j++) {
                    mean[j] += e[v * d + j];
                }
            }
            double dot = 0;
            double nu = 0;
            double nm = 0;
            for (int j = 0; j < d; j++) {
                dot += e[u * d + j] * mean[j];
                nu += e[u * d + j] * e[u * d + j];
                nm += mean[j] * mean[j];
            }
            sum += dot / Math.sqrt(nu * nm);
            n++;
        }
        return sum / n;
    }

    @Test
    void earlyStopping_onAHeldOutSliceOfTrain_keepsTheBestEpoch() {
        List<EpochStats> seen = new ArrayList<>();
        GraphRecommender m = builder().holdOut(0.1).epochs(30).patience(2).onEpoch(seen::add).fit();
        assertEquals(seen, m.history());
        assertTrue(m.history().stream().allMatch(e -> !Double.isNaN(e.validation())));
        double best = m.history().stream().mapToDouble(EpochStats::validation).max().orElseThrow();
        assertEquals(best, m.history().get(m.bestEpoch() - 1).validation());
    }

    @Test
    void earlyStopping_onOnesOwnMetric_keepsTheModelTheMetricSawAtItsBest() {
        double[] schedule = {0.1, 0.5, 0.3, 0.2, 0.1, 0.9};
        List<float[]> seen = new ArrayList<>();
        GraphRecommender m = builder().epochs(6).patience(2).validator(scorer -> {
            float[] row = new float[scorer.numItems()];
            scorer.score(new int[] {0}, row);
            seen.add(row);
            return schedule[seen.size() - 1];
        }).fit();
        assertEquals(4, seen.size(), "stopped two epochs after the best");
        assertEquals(2, m.bestEpoch());
        float[] kept = new float[m.numItems()];
        m.score(new int[] {0}, kept);
        assertArrayEquals(seen.get(1), kept, 0f);
        assertFalse(java.util.Arrays.equals(seen.get(1), seen.get(3)), "the embeddings moved after the best epoch");
        assertThrows(IllegalArgumentException.class, () -> builder().holdOut(0.1).validator(x -> 0).fit());
    }

    @Test
    void fit_releasesThePropagationThreadsItStarted() throws InterruptedException {
        builder().threads(2).epochs(1).fit();
        long alive = Long.MAX_VALUE;
        for (int wait = 0; wait < 50 && alive > 0; wait++) {
            alive = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals(io.recsys4j.gnn.internal.propagation.CsrCpuPropagation.THREAD_NAME)
                            && t.isAlive())
                    .count();
            Thread.sleep(20);
        }
        assertEquals(0, alive, "propagation threads still running after fit");
    }

    @Test
    void divergence_stopsWithAClearError() {
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> builder().learningRate(1e30).initStd(1e18).epochs(3).fit());
        assertTrue(e.getMessage().contains("epoch"), e.getMessage());
    }

    @Test
    void builder_namesBadValues() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GraphRecommender.builder().layers(-1))
                .getMessage().contains("-1"));
        assertThrows(IllegalArgumentException.class, () -> GraphRecommender.builder().learningRate(0));
        assertThrows(IllegalStateException.class, () -> GraphRecommender.builder().fit());
        assertThrows(IllegalStateException.class,
                () -> GraphRecommender.builder().interactions(data.train()).kind(ModelKind.SOCIAL).fit());
    }
}
