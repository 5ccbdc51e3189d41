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

    private Path cacheFile() throws IOException {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".vectors")).findFirst().orElseThrow();
        }
    }

    /**
     * The case: one flipped bit in a stored vector gave a component of 3.9e37 and exit 0.
     * Now the record fails its checksum, is counted and dropped, and the text is encoded again.
     */
    @Test
    void aFlippedBitInARecord_isDetectedCountedAndRecomputed() throws IOException {
        Counting enc = new Counting();
        float[][] truth;
        try (CachingEncoder c = new CachingEncoder(enc, dir)) {
            truth = c.encodeToArrays(List.of("red shoes", "blue hat"));
        }
        Path f = cacheFile();
        byte[] b = Files.readAllBytes(f);
        int record = 32 + 4 * 32 + 4;
        int firstRecord = b.length - 2 * record;
        b[firstRecord + 32 + 4 * 5] ^= 0x40; // exponent bit of component 5 of the first vector
        Files.write(f, b);
        Counting again = new Counting();
        try (CachingEncoder c = new CachingEncoder(again, dir)) {
            assertEquals(1, c.badRecords());
            assertEquals(1, c.size());
            float[][] v = c.encodeToArrays(List.of("red shoes", "blue hat"));
            assertArrayEquals(truth[0], v[0], 0f);
            assertArrayEquals(truth[1], v[1], 0f);
            assertEquals(1, again.calls.get(), "only the corrupt record is encoded again");
        }
        try (CachingEncoder c = new CachingEncoder(new Counting(), dir)) {
            assertEquals(0, c.badRecords(), "the file was rewritten without the bad record");
            assertEquals(2, c.size());
        }
    }

    @Test
    void aCacheWithoutChecksums_isDiscarded_andAForeignFileRefused() throws IOException {
        Counting enc = new Counting();
        Path f = dir.resolve(enc.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".vectors");
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(Files.newOutputStream(f))) {
            out.writeUTF("RECSYS4J-VECTORS-1");
            out.writeUTF(enc.name());
            out.writeInt(32);
            out.write(new byte[2 * (32 + 4 * 32)]);
        }
        try (CachingEncoder c = new CachingEncoder(enc, dir)) {
            assertEquals(2, c.badRecords());
            assertEquals(0, c.size());
        }
        Files.write(f, "not a cache at all".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        IOException e = assertThrows(io.recsys4j.core.io.MalformedDataException.class, () -> new CachingEncoder(enc, dir));
        assertTrue(e.getMessage().startsWith(f + ": not a recsys4j vector cache"), e.getMessage());
    }

    /**
     * Format 2 stored the zero vector that the transformer encoders then gave the empty text: on
     * open its zero vectors are dropped (to be encoded again), its other vectors kept, and the file
     * is rewritten as format 3, in which a zero vector (a hashing text with no words) is trusted.
     */
    @Test
    void aFormat2Cache_losesItsZeroVectors_andIsUpgraded() throws IOException {
        Counting enc = new Counting();
        Path f = dir.resolve(enc.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".vectors");
        float[] red = enc.inner.encodeOne("red shoes");
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(Files.newOutputStream(f))) {
            out.writeUTF("RECSYS4J-VECTORS-2");
            out.writeUTF(enc.name());
            out.writeInt(32);
            out.write(record("", new float[32]));
            out.write(record("red shoes", red));
        }
        try (CachingEncoder c = new CachingEncoder(enc, dir)) {
            assertEquals(1, c.size(), "the zero vector is dropped, the other kept");
            assertEquals(0, c.badRecords(), "a stale vector is not a corrupt one");
            assertArrayEquals(red, c.encodeOne("red shoes"), 0f);
            assertEquals(0, enc.calls.get());
            c.encodeToArrays(List.of("", "!!!"));
            assertEquals(2, enc.calls.get());
        }
        try (java.io.DataInputStream in = new java.io.DataInputStream(Files.newInputStream(f))) {
            assertEquals("RECSYS4J-VECTORS-3", in.readUTF());
        }
        try (CachingEncoder c = new CachingEncoder(new Counting(), dir)) {
            assertEquals(3, c.size(), "format 3 keeps the zero vectors hashing gives texts without words");
        }
    }

    /** A record as the cache writes it: SHA-256 of the text, the vector, CRC-32 of both. */
    private static byte[] record(String text, float[] v) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(32 + 4 * v.length + 4);
        try {
            b.put(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (float x : v) {
            b.putFloat(x);
        }
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        return b.array();
    }
}
