package io.recsys4j.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recsys4j.core.Interactions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractionReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static MalformedDataException rejects(InteractionReader r, Path p) {
        return assertThrows(MalformedDataException.class, () -> r.read(p));
    }

    @Test
    void lightGcn_readsLinesWithIndexEqualToId() throws IOException {
        Path p = write("train.txt", "0 1 3\n2 0\n\n1\n");
        Loaded<Interactions> l = InteractionReader.lightGcn().read(p);
        Interactions x = l.data();
        assertEquals(3, x.size());
        assertEquals(3, x.numUsers());
        assertEquals(4, x.numItems(), "items 0..max id are all in the catalogue");
        assertArrayEquals(new int[] {1, 3}, x.itemsOf(0));
        assertEquals(0, x.degree(1));
        assertEquals(1, l.report().skipped("blank line"));
        assertEquals(1, l.report().skipped("user line without items"));
        assertEquals(3, l.report().records());
    }

    @Test
    void movieLens_headerNamingAColumnTwice_isRefusedNamingIt() throws IOException {
        Path p = write("ratings.csv", "userId,movieId,userId\n1,2,3\n");
        MalformedDataException e = rejects(InteractionReader.movieLens(), p);
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("'userId' appears twice"), e.getMessage());
    }

    @Test
    void aDirectory_isRefusedNamingIt_byEveryReader() throws IOException {
        Path d = Files.createDirectory(dir.resolve("not-a-file"));
        for (InteractionReader r : new InteractionReader[] {InteractionReader.lightGcn(), InteractionReader.movieLens(),
                InteractionReader.pairs()}) {
            MalformedDataException e = rejects(r, d);
            assertEquals(d + ": is a directory, not a file", e.getMessage());
        }
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> SocialReader.edges().read(d));
        assertEquals(d, e.file());
    }

    @Test
    void lightGcn_rejectsNonNumericIdNamingFileAndLine() throws IOException {
        Path p = write("train.txt", "0 1\n1 2 x7\n");
        MalformedDataException e = rejects(InteractionReader.lightGcn(), p);
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("train.txt:2"), e.getMessage());
        assertTrue(e.getMessage().contains("non-numeric item id 'x7'"), e.getMessage());
    }

    @Test
    void lightGcn_rejectsNegativeId() throws IOException {
        assertTrue(rejects(InteractionReader.lightGcn(), write("t.txt", "-1 2\n")).problem().contains("negative user id"));
    }

    @Test
    void emptyFile_isRejectedForEveryFormat() throws IOException {
        Path p = write("empty.txt", "");
        for (String f : new String[] {"lightgcn", "movielens", "pairs"}) {
            MalformedDataException e = rejects(InteractionReader.forFormat(f), p);
            assertTrue(e.problem().contains("empty"), f + ": " + e.getMessage());
        }
    }

    @Test
    void fileOfBlankLines_hasNoRecordsAndIsRejected() throws IOException {
        assertTrue(rejects(InteractionReader.pairs(), write("b.tsv", "\n  \n")).problem().contains("no records"));
    }

    @Test
    void duplicateInteraction_isRejectedByDefault() throws IOException {
        Path p = write("d.tsv", "a\tx\nb\tx\na\tx\n");
        MalformedDataException e = rejects(InteractionReader.pairs(), p);
        assertEquals(3, e.line());
        assertTrue(e.problem().contains("duplicate interaction (user a, item x)"), e.getMessage());
    }

    @Test
    void duplicateInteraction_isSkippedAndCountedWhenOptedIn() throws IOException {
        Path p = write("d.tsv", "a\tx\nb\tx\na\tx\na\tx\n");
        Loaded<Interactions> l = InteractionReader.pairs().withDuplicates(DuplicatePolicy.SKIP).read(p);
        assertEquals(2, l.data().size());
        assertEquals(2, l.report().skipped("duplicate interaction"));
    }

    @Test
    void duplicateInteraction_isMergedByTheRuleOfInteractionsWhenOptedIn() throws IOException {
        Path p = write("d.tsv", "a\tx\t2\t10\nb\tx\t1\t11\na\tx\t3\t30\na\tx\t5\t20\n");
        Loaded<Interactions> l = InteractionReader.pairs().withWeightColumn(2).withTimestampColumn(3)
                .withDuplicates(DuplicatePolicy.MERGE).read(p);
        Interactions x = l.data();
        assertEquals(2, x.size());
        assertEquals(2, x.mergedRepeats());
        assertEquals(10f, x.weight(0), "2 + 3 + 5");
        assertEquals(30L, x.timestamp(0), "the latest");
        assertEquals(2, l.report().records(), "records are distinct pairs");
        assertEquals(2, l.report().skipped("merged duplicate interaction"));
        assertTrue(l.report().toString().endsWith("4 lines, 2 records, 2 merged duplicate interactions"), l.report().toString());
    }

    @Test
    void lightGcn_repeatMerged_countsAsWeight() throws IOException {
        Loaded<Interactions> l = InteractionReader.lightGcn().withDuplicates(DuplicatePolicy.MERGE).read(write("t.txt", "0 4 4 2\n"));
        assertArrayEquals(new int[] {2, 4}, l.data().itemsOf(0));
        assertEquals(2f, l.data().weight(0));
    }

    @Test
    void loadReport_pluralisesEachCount() {
        java.util.Map<String, Long> skipped = new java.util.LinkedHashMap<>();
        skipped.put("duplicate interaction", 137L);
        skipped.put("blank line", 1L);
        skipped.put("user line without items", 2L);
        skipped.put("repeated tag of a movie", 3L);
        skipped.put("below rating threshold", 4L);
        skipped.put("self loop", 0L);
        LoadReport r = new LoadReport(Path.of("f"), 1, 1, skipped);
        assertEquals("f: 1 line, 1 record, 137 duplicate interactions, 1 blank line, 2 user lines without items, "
                + "3 repeated tags of a movie, 4 below rating threshold, 0 self loops", r.toString());
    }

    @Test
    void lightGcn_duplicateWithinALine_isRejected() throws IOException {
        assertEquals(1, rejects(InteractionReader.lightGcn(), write("t.txt", "0 4 4\n")).line());
    }

    @Test
    void movieLens_readsRatingsTimesAndThreshold() throws IOException {
        Path p = write("ratings.csv", "userId,movieId,rating,timestamp\n1,31,2.5,1260759144\n1,1029,4.0,1260759179\n7,31,5.0,1260759200\n");
        Loaded<Interactions> l = InteractionReader.movieLens().withMinRating(4.0).read(p);
        Interactions x = l.data();
        assertEquals(2, x.size());
        assertEquals(1, l.report().skipped("below rating threshold"));
        assertEquals("1029", x.items().id(x.item(0)));
        assertEquals(4.0f, x.weight(0));
        assertEquals(1260759200L, x.timestamp(1));
    }

    @Test
    void movieLens_rejectsUnknownColumn() throws IOException {
        Path p = write("ratings.csv", "userId,movieId,stars\n1,2,3\n");
        MalformedDataException e = rejects(InteractionReader.movieLens(), p);
        assertEquals(1, e.line());
        assertTrue(e.problem().contains("unknown column 'stars'"), e.getMessage());
    }

    @Test
    void movieLens_rejectsMalformedLine() throws IOException {
        Path p = write("ratings.csv", "userId,movieId,rating,timestamp\n1,2,3.0,5\n1,3,4.0\n");
        MalformedDataException e = rejects(InteractionReader.movieLens(), p);
        assertEquals(3, e.line());
        assertTrue(e.problem().contains("expected 4 fields, found 3"), e.getMessage());
    }

    @Test
    void movieLens_rejectsNonNumericUserId() throws IOException {
        Path p = write("ratings.csv", "userId,movieId,rating,timestamp\nbob,2,3.0,5\n");
        assertTrue(rejects(InteractionReader.movieLens(), p).problem().contains("non-numeric userId 'bob'"));
    }

    @Test
    void movieLens_rejectsNonNumericRating() throws IOException {
        Path p = write("ratings.csv", "userId,movieId,rating,timestamp\n1,2,good,5\n");
        assertTrue(rejects(InteractionReader.movieLens(), p).problem().contains("non-numeric rating"));
    }

    @Test
    void pairs_readsWeightColumnAndIgnoresOtherExtras() throws IOException {
        Path p = write("train.tsv", "424\t4076\t993\textra\n1311\t1574\t957\tmore\n");
        Interactions x = InteractionReader.pairs().withWeightColumn(2).read(p).data();
        assertEquals(2, x.size());
        assertEquals(993f, x.weight(0));
        assertFalse(x.hasTimestamps());
    }

    @Test
    void pairs_rejectsMissingWeightColumn() throws IOException {
        Path p = write("t.tsv", "1\t2\t3\n1\t5\n");
        MalformedDataException e = rejects(InteractionReader.pairs().withWeightColumn(2), p);
        assertEquals(2, e.line());
        assertTrue(e.problem().contains("expected at least 3 fields"), e.getMessage());
    }

    @Test
    void pairs_rejectsLineWithOneField() throws IOException {
        assertEquals(2, rejects(InteractionReader.pairs(), write("t.tsv", "1\t2\nlonely\n")).line());
    }

    @Test
    void pairs_withCommaAndHeader() throws IOException {
        Interactions x = InteractionReader.pairs().withDelimiter(",").withHeader(true).withTimestampColumn(2)
                .read(write("t.csv", "user,item,time\nu1,i1,100\nu2,i1,50\n")).data();
        assertEquals(2, x.size());
        assertEquals(50L, x.timestamp(1));
        assertEquals(1, x.numItems());
    }

    @Test
    void invalidUtf8_isRejected() throws IOException {
        Path p = dir.resolve("bad.tsv");
        Files.write(p, new byte[] {'a', '\t', (byte) 0xC3, (byte) 0x28, '\n'});
        assertTrue(rejects(InteractionReader.pairs(), p).problem().contains("UTF-8"));
    }

    @Test
    void settingsOfAnotherFormat_areRefused() {
        assertThrows(IllegalStateException.class, () -> InteractionReader.lightGcn().withMinRating(3));
        assertThrows(IllegalArgumentException.class, () -> InteractionReader.forFormat("parquet"));
    }

    @Test
    void lightGcn_oneHugeItemId_isRefusedNamingFileLineAndId() throws IOException {
        Path p = write("t.txt", "0 1 2\n1 2000000000\n2 5\n");
        MalformedDataException e = rejects(InteractionReader.lightGcn(), p);
        assertEquals(2, e.line(), e.getMessage());
        assertTrue(e.problem().contains("item id 2000000000"), e.getMessage());
        assertTrue(e.problem().contains("--catalogue"), e.getMessage());
    }

    @Test
    void lightGcn_hugeUserId_andTheLargestInt_areRefusedWithoutOverflow() throws IOException {
        MalformedDataException e = rejects(InteractionReader.lightGcn(), write("u.txt", "3 1\n2147483647 2\n"));
        assertEquals(2, e.line());
        assertTrue(e.problem().contains("user id 2147483647") && e.problem().contains("2147483648"), e.getMessage());
        MalformedDataException big = rejects(InteractionReader.lightGcn(), write("b.txt", "0 1\n1 2147483648\n"));
        assertEquals(2, big.line());
        assertTrue(big.problem().contains("out of range"), big.getMessage());
    }

    @Test
    void lightGcn_catalogueWithinTheBound_keepsUntouchedIds() throws IOException {
        // 3 distinct items, max id 65535: inside the constant part of the bound
        Interactions x = InteractionReader.lightGcn().read(write("t.txt", "0 0 65535\n1 7\n")).data();
        assertEquals(65536, x.numItems());
        // 10,000 distinct items spread to 79,992 (bound 8 x 10,000): allowed; one more at 90,000 is not
        StringBuilder ok = new StringBuilder("0");
        for (int i = 0; i < 10_000; i++) {
            ok.append(' ').append(i * 8);
        }
        assertEquals(79_993, InteractionReader.lightGcn().read(write("ok.txt", ok + "\n")).data().numItems());
        MalformedDataException e = rejects(InteractionReader.lightGcn(), write("no.txt", ok + " 90000\n"));
        assertTrue(e.problem().contains("10001 distinct"), e.getMessage());
    }

    @Test
    void lightGcn_explicitCatalogueLimit_allowsOrRefuses() throws IOException {
        Path p = write("t.txt", "0 1\n1 200000\n");
        assertEquals(200_001, InteractionReader.lightGcn().withCatalogueLimit(200_001).read(p).data().numItems());
        MalformedDataException e = rejects(InteractionReader.lightGcn().withCatalogueLimit(100), p);
        assertTrue(e.problem().contains("limit of 100"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> InteractionReader.lightGcn().withCatalogueLimit(0));
        assertThrows(IllegalStateException.class, () -> InteractionReader.pairs().withCatalogueLimit(10));
    }

    /**
     * The case: a 2-line file with id 2,000,000,000 read by every loader in a JVM of
     * 256 MB. Before the bound the lightgcn format built a map of two billion ids.
     */
    @Test
    void everyLoader_readsAHugeIdIn256Megabytes() throws Exception {
        Path lg = write("huge.txt", "0 1\n1 2000000000\n");
        Path ml = write("huge.csv", "userId,movieId\n1,1\n2000000000,2000000000\n");
        Path pr = write("huge.tsv", "1\t1\n2000000000\t2000000000\n");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process proc = new ProcessBuilder(javaBin, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                HugeIdProbe.class.getName(), lg.toString(), ml.toString(), pr.toString())
                .redirectErrorStream(true).start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(proc.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), out);
        assertEquals(0, proc.exitValue(), out);
        assertTrue(out.contains("lightgcn refused: " + lg + ":2: item id 2000000000"), out);
        assertTrue(out.contains("movielens read 2 records, 2 items"), out);
        assertTrue(out.contains("pairs read 2 records, 2 items"), out);
    }

    /** Found by fuzzing: a rating of 1e39 is a finite double but an infinite float weight. */
    @Test
    void weightsBeyondAFloat_areRefusedAtTheirLine_andMergedOnesNamingTheFile() throws IOException {
        MalformedDataException e = rejects(InteractionReader.movieLens(),
                write("r.csv", "userId,movieId,rating\n1,2,4\n1,3,1e39\n"));
        assertEquals(3, e.line());
        assertTrue(e.problem().contains("beyond the range of a float"), e.getMessage());
        MalformedDataException w = rejects(InteractionReader.pairs().withWeightColumn(2), write("w.tsv", "u\ti\t-5e38\n"));
        assertEquals(1, w.line());
        Path twice = write("m.tsv", "u\ti\t3e38\nu\ti\t3e38\n");
        MalformedDataException m = rejects(InteractionReader.pairs().withWeightColumn(2).withDuplicates(DuplicatePolicy.MERGE), twice);
        assertEquals(twice, m.file());
        assertTrue(m.problem().contains("not finite"), m.getMessage());
    }
}
