package io.recsys4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.recsys4j.core.io.MalformedDataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Coverage-guided fuzz test of the vector-cache reader: any bytes in the cache file either open
 * (every vector it then returns is finite and of the encoder's dimension; a crafted file whose
 * checksums hold is trusted, by design) or raise
 * {@link MalformedDataException} naming the file. Seeds in
 * {@code src/test/resources/.../VectorCacheFuzzTestInputs}; longer runs: docs/fuzzing.md.
 */
class VectorCacheFuzzTest {
    private static final Path DIR;
    private static final HashingEncoder ENCODER = HashingEncoder.fit(List.of("red shoes", "blue hat"), 8);
    private static final List<String> TEXTS = List.of("red shoes", "blue hat", "");

    static {
        try {
            DIR = Files.createTempDirectory("recsys-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cache file of {@link #ENCODER}: the seeds were written by it. */
    static Path file() {
        return DIR.resolve(ENCODER.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".vectors");
    }

    @FuzzTest(maxDuration = "10m")
    void cacheFile(byte[] bytes) throws IOException {
        Path f = file();
        Files.write(f, bytes);
        try (CachingEncoder c = new CachingEncoder(ENCODER, DIR)) {
            for (float[] v : c.encodeToArrays(TEXTS)) {
                assertEquals(ENCODER.dim(), v.length);
                for (float x : v) {
                    assertTrue(Float.isFinite(x), "component " + x);
                }
            }
        } catch (MalformedDataException e) {
            assertEquals(f, e.file(), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
