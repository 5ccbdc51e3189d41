package io.recsys4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.recsys4j.core.io.MalformedDataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverage-guided fuzz tests of the run-file and truth-file readers of {@code evaluate}: any
 * bytes either load or raise {@link MalformedDataException} naming the file and a line inside
 * it. Seeds in {@code src/test/resources/.../RunFileFuzzTestInputs}; longer runs: docs/fuzzing.md.
 */
class RunFileFuzzTest {
    private static final Path FILE;

    static {
        try {
            FILE = Files.createTempFile("recsys-fuzz", ".tsv");
            FILE.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Read {
        void read(Path file) throws IOException;
    }

    @FuzzTest(maxDuration = "10m")
    void run(byte[] bytes) {
        check(bytes, f -> {
            RunFile r = RunFile.read(f);
            for (String u : r.users()) {
                assertEquals(r.ranking(u).size(), r.scores(u).length);
            }
        });
    }

    @FuzzTest(maxDuration = "10m")
    void truth(byte[] bytes) {
        check(bytes, f -> assertTrue(!RunFile.readTruth(f, new long[1]).isEmpty()));
    }

    private static void check(byte[] bytes, Read reader) {
        try {
            Files.write(FILE, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            reader.read(FILE);
        } catch (MalformedDataException e) {
            assertEquals(FILE, e.file(), e.getMessage());
            long lines = 1;
            for (byte b : bytes) {
                lines += b == '\n' || b == '\r' ? 1 : 0;
            }
            assertTrue(e.line() >= 0 && e.line() <= lines, "line " + e.line() + " of " + lines);
        } catch (IOException e) {
            throw new AssertionError("not the library's exception: " + e, e);
        }
    }
}
