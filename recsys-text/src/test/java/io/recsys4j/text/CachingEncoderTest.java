package io.recsys4j.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingEncoderTest {
    @TempDir
    Path dir;

    /** Counts how many texts reach the real encoder. */
    private static final class Counting implements TextEncoder {
        final HashingEncoder inner = HashingEncoder.fit(List.of("red shoes", "blue hat", "green tea"), 32);
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public int dim() {
            return 32;
        }

        @Override
        public float[][] encodeToArrays(List<String> texts) {
            calls.addAndGet(texts.size());
            return inner.encodeToArrays(texts);
        }
    }

    @Test
    void secondRun_isAnsweredFromDisk() throws IOException {
        Counting enc = new Counting();
        List<String> texts = List.of("red shoes", "blue hat", "red shoes");
        float[][] first;
        try (CachingEncoder c = new CachingEncoder(enc, dir)) {
            first = c.encodeToArrays(texts);
            assertEquals(2, c.size());
        }
        assertEquals(3, enc.calls.get(), "first run encodes what it has not seen (repeats within a call included)");
        Counting again = new Counting();
        try (CachingEncoder c = new CachingEncoder(again, dir)) {
            float[][] second = c.encodeToArrays(texts);
            for (int t = 0; t < texts.size(); t++) {
                assertArrayEquals(first[t], second[t], 0f);
            }
            assertEquals(3, c.hits());
            assertEquals(0, c.misses());
            c.encodeToArrays(List.of("green tea"));
            assertEquals(1, c.misses());
        }
        assertEquals(1, again.calls.get());
    }

    @Test
    void truncatedRecord_isDroppedOnOpen() throws IOException {
        Counting enc = new Counting();
        try (CachingEncoder c = new CachingEncoder(enc, dir)) {
            c.encodeToArrays(List.of("red shoes", "blue hat"));
        }
        Path f;
        try (var s = Files.list(dir)) {
            f = s.findFirst().orElseThrow();
        }
        byte[] b = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(b, b.length - 10));
        try (CachingEncoder c = new CachingEncoder(new Counting(), dir)) {
            assertEquals(1, c.size());
        }
    }

    @Test
    void cacheOfAnotherEncoder_isRefused() throws IOException {
        Counting enc = new Counting();
        try (CachingEncoder c = new CachingEncoder(enc, dir)) {
            c.encodeToArrays(List.of("x"));
        }
        Path f;
        try (var s = Files.list(dir)) {
            f = s.findFirst().orElseThrow();
        }
        TextEncoder other = new TextEncoder() {
            @Override
            public String name() {
                return enc.name();
            }

            @Override
            public int dim() {
                return 16;
            }

            @Override
            public float[][] encodeToArrays(List<String> texts) {
                return new float[texts.size()][16];
            }
        };
        IOException e = assertThrows(IOException.class, () -> new CachingEncoder(other, dir));
        assertTrue(e.getMessage().contains("dim 32"), e.getMessage());
        assertTrue(Files.exists(f));
    }
}
