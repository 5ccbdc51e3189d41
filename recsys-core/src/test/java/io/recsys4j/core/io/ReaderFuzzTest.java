package io.recsys4j.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.recsys4j.core.Interactions;
import io.recsys4j.core.SocialGraph;
import io.recsys4j.core.TextTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverage-guided fuzz tests of every text reader. The property: any bytes either load into
 * data that keeps the readers' own bounds, or raise {@link MalformedDataException} naming this
 * file and a line inside it; never another exception, never memory beyond the data's size.
 *
 * <p>{@code mvn verify} replays the seed corpus in {@code src/test/resources/.../ReaderFuzzTestInputs}
 * (and every finding ever saved there). To fuzz one reader for ten minutes:
 * {@code JAZZER_FUZZ=1 mvn -pl recsys-core test -Dtest='ReaderFuzzTest#lightgcn'}; see docs/fuzzing.md.
 */
class ReaderFuzzTest {
    private static final Path FILE;

    static {
        try {
            FILE = Files.createTempFile("recsys-fuzz", ".txt");
            FILE.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Read<T> {
        T read(Path file) throws IOException;
    }

    /** Writes the bytes and reads them; returns the data or null if refused as it should be. */
    private static <T> T check(byte[] bytes, Read<T> reader) {
        try {
            Files.write(FILE, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return reader.read(FILE);
        } catch (MalformedDataException e) {
            assertEquals(FILE, e.file(), e.getMessage());
            assertTrue(e.getMessage().startsWith(FILE.toString()), e.getMessage());
            assertTrue(e.line() >= 0 && e.line() <= lines(bytes) + 1, "line " + e.line() + " of " + lines(bytes));
            assertTrue(!e.problem().isBlank() && !e.problem().contains("\n"), "one line: " + e.problem());
            return null;
        } catch (IOException e) {
            throw new AssertionError("not the library's exception: " + e, e);
        }
    }

    private static long lines(byte[] bytes) {
        long n = 1;
        for (byte b : bytes) {
            if (b == '\n' || b == '\r') {
                n++;
            }
        }
        return n;
    }

    /** The catalogue never outgrows the data (lightgcn's 0..max id is bounded by its distinct ids). */
    private static void bounded(Interactions x, long inputBytes) {
        if (x == null) {
            return;
        }
        long bound = Math.max(InteractionReader.MIN_CATALOGUE_LIMIT, InteractionReader.CATALOGUE_FACTOR * inputBytes);
        assertTrue(x.numUsers() <= bound && x.numItems() <= bound, x.numUsers() + " x " + x.numItems());
        assertTrue(x.size() > 0, "a loaded data set has records");
    }

    private static DuplicatePolicy policy(FuzzedDataProvider d) {
        return d.pickValue(DuplicatePolicy.values());
    }

    @FuzzTest(maxDuration = "10m")
    void lightgcn(FuzzedDataProvider d) {
        InteractionReader r = InteractionReader.lightGcn().withDuplicates(policy(d));
        byte[] b = d.consumeRemainingAsBytes();
        bounded(check(b, f -> r.read(f).data()), b.length);
    }

    @FuzzTest(maxDuration = "10m")
    void movielens(FuzzedDataProvider d) {
        InteractionReader r = InteractionReader.movieLens().withDuplicates(policy(d));
        if (d.consumeBoolean()) {
            r = r.withMinRating(d.consumeInt(-2, 6));
        }
        InteractionReader reader = r;
        byte[] b = d.consumeRemainingAsBytes();
        bounded(check(b, f -> reader.read(f).data()), b.length);
    }

    @FuzzTest(maxDuration = "10m")
    void pairs(FuzzedDataProvider d) {
        InteractionReader r = InteractionReader.pairs().withDuplicates(policy(d)).withHeader(d.consumeBoolean());
        if (d.consumeBoolean()) {
            r = r.withDelimiter(d.pickValue(new String[] {",", ";", "::", " "}));
        }
        if (d.consumeBoolean()) {
            r = r.withWeightColumn(2);
        }
        if (d.consumeBoolean()) {
            r = r.withTimestampColumn(3);
        }
        InteractionReader reader = r;
        byte[] b = d.consumeRemainingAsBytes();
        bounded(check(b, f -> reader.read(f).data()), b.length);
    }

    @FuzzTest(maxDuration = "10m")
    void social(FuzzedDataProvider d) {
        SocialReader r = SocialReader.edges().withDuplicates(policy(d));
        if (d.consumeBoolean()) {
            r = r.withSelfLoopsSkipped();
        }
        SocialReader reader = r;
        SocialGraph g = check(d.consumeRemainingAsBytes(), f -> reader.read(f).data());
        if (g != null) {
            assertTrue(g.numUsers() > 0);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void textTsv(byte[] b) {
        TextTable t = check(b, f -> TextReader.tsv(f).data());
        if (t != null) {
            assertTrue(t.ids().size() > 0);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void movieLensMovies(byte[] b) {
        check(b, f -> TextReader.movieLens(f, null).data());
    }
}
