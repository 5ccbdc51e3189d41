package io.recsys4j.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.recsys4j.core.Dataset;
import io.recsys4j.core.Interactions;
import io.recsys4j.core.SocialGraph;
import io.recsys4j.core.TextTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Reads the real data sets by path (Maven property {@code recsys.data.dir}, default
 * {@code ../shared/data}); they never ship with the project. Where the folder is absent the
 * tests are reported as skipped, with the path they looked for.
 */
class SharedDataTest {
    private static Path data(String sub) {
        Path dir = Path.of(System.getProperty("recsys.data.dir", "../shared/data")).resolve(sub);
        assumeTrue(Files.isDirectory(dir), "shared data not found at " + dir.toAbsolutePath());
        return dir;
    }

    @Test
    void ml1m_lightGcnFilesHaveTheDocumentedCounts() throws IOException {
        Path d = data("ml-1m");
        InteractionReader r = InteractionReader.lightGcn();
        Interactions train = r.read(d.resolve("train.txt")).data();
        Interactions valid = r.read(d.resolve("valid.txt")).data();
        Interactions test = r.read(d.resolve("test.txt")).data();
        assertEquals(590_733, train.size());
        assertEquals(80_897, valid.size());
        assertEquals(164_848, test.size());
        Dataset ds = Dataset.builder().train(train).valid(valid).test(test).build();
        assertEquals(6_039, ds.users().size());
        assertEquals(3_628, ds.items().size());
    }

    @Test
    void lastfm_pairsAndTrustNetwork() throws IOException {
        Path d = data("lastfm-social");
        Interactions train = InteractionReader.pairs().withWeightColumn(2).read(d.resolve("train.tsv")).data();
        Interactions test = InteractionReader.pairs().withWeightColumn(2).read(d.resolve("test.tsv")).data();
        assertEquals(42_135, train.size());
        assertEquals(10_533, test.size());
        Loaded<SocialGraph> trust = SocialReader.edges().read(d.resolve("trust.tsv"));
        assertEquals(25_434, trust.report().lines());
        assertEquals(12_717, trust.data().numEdges(), "every trust line has its mirror");
        assertEquals(12_717, trust.report().skipped("mirror line"));
        Dataset ds = Dataset.builder().train(train).test(test).social(trust.data()).build();
        assertTrue(ds.users().size() >= 1_892);
    }

    @Test
    void movieLensSmall_ratingsMoviesAndTags() throws IOException {
        Path d = data("movielens-small");
        Loaded<Interactions> all = InteractionReader.movieLens().read(d.resolve("ratings.csv"));
        assertEquals(100_836, all.data().size());
        assertEquals(610, all.data().numUsers());
        Loaded<Interactions> liked = InteractionReader.movieLens().withMinRating(4.0).read(d.resolve("ratings.csv"));
        assertEquals(100_836, liked.data().size() + liked.report().skipped("below rating threshold"));
        TextTable movies = TextReader.movieLens(d.resolve("movies.csv"), d.resolve("tags.csv")).data();
        assertEquals(9_742, movies.ids().size());
        int i = movies.ids().indexOf("11");
        assertTrue(movies.text(i).startsWith("American President, The (1995). Genres: Comedy, Drama, Romance"), movies.text(i));
    }
}
