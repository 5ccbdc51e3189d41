package io.recsys4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recsys4j.core.split.Split;
import io.recsys4j.core.split.Splits;
import io.recsys4j.core.synthetic.SyntheticWorld;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the example programs on a user's files (a small world written as pair files). */
class ExamplesTest {
    @TempDir
    static Path dir;

    private static Path train;
    private static Path test;
    private static Path social;

    @BeforeAll
    static void writeFiles() throws Exception {
        SyntheticWorld w = SyntheticWorld.builder().users(120).items(200).interactions(3000).seed(3).build();
        Split s = Splits.randomPerUser(w.interactions(), 0.2, 3);
        train = dir.resolve("train.tsv");
        test = dir.resolve("test.tsv");
        social = dir.resolve("social.tsv");
        Files.writeString(train, pairs(s.train()));
        Files.writeString(test, pairs(s.test()));
        StringBuilder sb = new StringBuilder();
        for (int u = 0; u < w.social().numUsers(); u++) {
            for (int v : w.social().neighbours(u)) {
                if (u < v) {
                    sb.append(w.interactions().users().id(u)).append('\t').append(w.interactions().users().id(v)).append('\n');
                }
            }
        }
        Files.writeString(social, sb.toString());
    }

    private static String pairs(io.recsys4j.core.Interactions in) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < in.size(); k++) {
            sb.append(in.users().id(in.user(k))).append('\t').append(in.items().id(in.item(k))).append('\n');
        }
        return sb.toString();
    }

    /** Runs {@code main} and returns what it printed. */
    private static String capture(ThrowingMain main) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private interface ThrowingMain {
        void run() throws Exception;
    }

    @Test
    void quickStart_theReadmeExample_runsOnLightGcnFiles() throws Exception {
        SyntheticWorld w = SyntheticWorld.builder().users(120).items(200).interactions(3000).seed(3).build();
        Split s = Splits.randomPerUser(w.interactions(), 0.2, 3);
        Path synth = Files.createDirectories(dir.resolve("synth"));
        Files.writeString(synth.resolve("train.txt"), lightGcn(s.train()));
        Files.writeString(synth.resolve("test.txt"), lightGcn(s.test()));
        String out = capture(() -> QuickStart.main(new String[] {synth.toString()}));
        assertTrue(out.contains("recall") && out.contains("ndcg"), out);
        assertEquals(5, out.lines().filter(l -> l.matches("\\d+\t-?[0-9.E-]+")).count(), "five recommendations: " + out);
        assertTrue(Files.size(synth.resolve("model.bin")) > 0);
    }

    /** The LightGCN format as {@code synth} writes it: the user's index, then its items' indices. */
    private static String lightGcn(io.recsys4j.core.Interactions in) {
        StringBuilder sb = new StringBuilder();
        for (int u = 0; u < in.numUsers(); u++) {
            sb.append(u);
            for (int i : in.itemsOf(u)) {
                sb.append(' ').append(i);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Test
    void earlyStopping_printsMetricsAndWritesTheTrainingCurve() throws Exception {
        String out = capture(() -> EarlyStopping.main(new String[] {"pairs", train.toString(), test.toString()}));
        assertTrue(out.contains("recall") && out.contains("top 5 for user"), out);
        List<String> csv = Files.readAllLines(ExampleData.OUTPUT.resolve("early-stopping-curve.csv"));
        assertEquals("epoch,loss,seconds,validation_recall@20", csv.get(0));
        assertTrue(csv.size() > 2, csv.toString());
        byte[] png = Files.readAllBytes(ExampleData.OUTPUT.resolve("early-stopping-curve.png"));
        assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "not a PNG");
    }

    @Test
    void socialSideBySide_printsEveryModel_theIntervals_andTheNewUsers() throws Exception {
        String out = capture(() -> SocialSideBySide.main(new String[] {"pairs", train.toString(), test.toString(),
            social.toString(), "3"}));
        for (String model : List.of("lightgcn ", "socialcl ", "social ", "filter ", "filter+social ")) {
            assertTrue(out.contains("\n" + model), model + " missing:\n" + out);
        }
        assertTrue(out.contains("filter+social - filter") && out.contains("socialcl - lightgcn") && out.contains("["), out);
        assertTrue(out.contains("left out of training, served from their friends alone"), out);
        for (String model : List.of("popularity ", "lightgcn ", "socialcl ", "filter+social ")) {
            assertTrue(out.contains("\n  " + model), "new users, " + model + " missing:\n" + out);
        }
    }

    @Test
    void longTailTradeoff_movesListsToTheTail_andWritesAPng() throws Exception {
        Path png = dir.resolve("tradeoff.png");
        String out = capture(() -> LongTailTradeoff.main(new String[] {"pairs", train.toString(), test.toString(),
            png.toString()}));
        assertTrue(out.contains("lambda") && out.contains("tailshare"), out);
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(960, img.getWidth());
        io.recsys4j.core.Dataset d = io.recsys4j.core.Dataset.builder()
                .train(io.recsys4j.core.io.InteractionReader.forFormat("pairs").read(train).data())
                .test(io.recsys4j.core.io.InteractionReader.forFormat("pairs").read(test).data()).build();
        List<LongTailTradeoff.Point> p = LongTailTradeoff.sweep(d);
        LongTailTradeoff.Point first = p.get(0);
        LongTailTradeoff.Point last = p.get(p.size() - 1);
        // λ = 1 serves the least popular of each user's candidates: no list can hold fewer tail items.
        assertTrue(last.tail() >= first.tail() && last.tail() > 0, p.toString());
        // λ = 0 keeps the filter's own lists.
        double own = io.recsys4j.gnn.GraphFilter.builder().interactions(d.train()).fit()
                .evaluate(d.test().orElseThrow(), 20).mean("recall@20");
        assertEquals(own, first.recall(), 1e-12);
        assertTrue(last.recall() < first.recall(), p.toString());
    }

    @Test
    void foldInVsRetrain_printsBothWaysForBothFamilies() throws Exception {
        String out = capture(() -> FoldInVsRetrain.main(new String[] {"pairs", train.toString(), test.toString(), "2"}));
        for (String family : List.of("lightgcn", "filter")) {
            assertTrue(out.contains(family + " ") && out.contains("by fold-in") && out.contains("trained in"), out);
        }
        assertTrue(out.contains("users left out of training"), out);
    }

    @Test
    void serving_loadsAModelAndPrintsPercentiles() throws Exception {
        Path model = dir.resolve("m.bin");
        io.recsys4j.gnn.GraphRecommender.builder()
                .interactions(io.recsys4j.core.io.InteractionReader.pairs().read(train).data()).epochs(2).dim(8).fit().save(model);
        String out = capture(() -> Serving.main(new String[] {model.toString(), "2", "500"}));
        assertTrue(out.contains("p50") && out.contains("p99") && out.contains("calls/s"), out);
    }

    @Test
    void evaluateRunFile_onItsOwnExampleRun() throws Exception {
        String out = capture(() -> EvaluateRunFile.main(new String[0]));
        assertTrue(out.contains("ndcg") && out.contains("2000 users in the truth"), out);
    }
}
