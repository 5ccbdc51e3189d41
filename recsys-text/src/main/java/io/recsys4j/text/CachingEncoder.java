package io.recsys4j.text;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An on-disk cache in front of an encoder, keyed by the encoder's {@link TextEncoder#name()}
 * and the SHA-256 of each text, so that re-runs skip work. One file per encoder name in the
 * cache folder: a header (magic, name, dim), then fixed-size records (hash, vector, CRC-32 of
 * both) appended as texts are encoded. On open, a record cut short by a crash, or one whose
 * checksum fails or whose vector is not finite (a flipped bit on disk), is not trusted: it is
 * dropped, counted ({@link #badRecords()}, and in the log), the file is rewritten without it, and
 * its text is encoded again when asked for. A cache of the first format (without checksums) is
 * discarded the same way; one of the second loses its zero vectors, which the transformer
 * encoders then wrote for the empty text (they now embed it as {@code [CLS] [SEP]}).
 * Thread-safe.
 */
public final class CachingEncoder implements TextEncoder {
    private static final Logger LOG = LoggerFactory.getLogger(CachingEncoder.class);
    private static final String MAGIC = "RECSYS4J-VECTORS-3";
    /** The format whose zero vectors may be a transformer's old answer for the empty text. */
    private static final String MAGIC_V2 = "RECSYS4J-VECTORS-2";
    /** The format before per-record checksums: its records cannot be checked, so it is rebuilt. */
    private static final String MAGIC_V1 = "RECSYS4J-VECTORS-1";

    private final TextEncoder delegate;
    private final Path file;
    private final Map<ByteBuffer, float[]> vectors = new HashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final long badRecords;

    /**
     * Opens (or creates) the cache of {@code delegate} in {@code dir}.
     *
     * @throws IOException if the file cannot be read or belongs to another encoder or dimension
     */
    public CachingEncoder(TextEncoder delegate, Path dir) throws IOException {
        this.delegate = delegate;
        Files.createDirectories(dir);
        this.file = dir.resolve(delegate.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".vectors");
        if (!Files.exists(file) || Files.size(file) == 0) {
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
                writeHeader(out);
            }
        }
        this.badRecords = load();
    }

    private void writeHeader(DataOutputStream out) throws IOException {
        out.writeUTF(MAGIC);
        out.writeUTF(delegate.name());
        out.writeInt(delegate.dim());
    }

    private int recordBytes() {
        return 32 + 4 * delegate.dim() + 4;
    }

    /** Reads the records it can trust; returns how many it could not, after rewriting the file without them. */
    private long load() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        String magic;
        String name;
        int dim;
        try {
            DataInputStream head = new DataInputStream(new java.io.ByteArrayInputStream(bytes));
            magic = head.readUTF();
            if (!magic.equals(MAGIC) && !magic.equals(MAGIC_V2) && !magic.equals(MAGIC_V1)) {
                throw new IOException("foreign magic");
            }
            name = head.readUTF();
            dim = head.readInt();
            in.position(bytes.length - head.available());
        } catch (IOException e) {
            throw new io.recsys4j.core.io.MalformedDataException(file, 0, "not a recsys4j vector cache (delete it to start afresh)");
        }
        if (!name.equals(delegate.name()) || dim != delegate.dim()) {
            throw new io.recsys4j.core.io.MalformedDataException(file, 0, "a cache of '" + name + "' (dim " + dim
                    + "), not of '" + delegate.name() + "' (dim " + delegate.dim() + ")");
        }
        int rec = recordBytes();
        long bad = 0;
        if (magic.equals(MAGIC_V1)) {
            bad = (bytes.length - in.position()) / (rec - 4);
            LOG.warn("{}: a cache without checksums (format 1); discarding its {} vectors, they will be encoded again",
                    file, bad);
            in.position(bytes.length);
        }
        long stale = 0;
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        while (in.remaining() >= rec) {
            int start = in.position();
            crc.reset();
            crc.update(bytes, start, rec - 4);
            byte[] key = new byte[32];
            in.get(key);
            float[] v = new float[dim];
            boolean finite = true;
            for (int j = 0; j < dim; j++) {
                v[j] = in.getFloat();
                finite &= Float.isFinite(v[j]);
            }
            if ((int) crc.getValue() != in.getInt() || !finite) {
                bad++;
            } else if (magic.equals(MAGIC_V2) && isZero(v)) {
                stale++;
            } else {
                vectors.put(ByteBuffer.wrap(key), v);
            }
        }
        int tail = in.remaining();
        if (stale > 0) {
            LOG.info("{}: {} zero vector(s) of the format-2 cache dropped (empty texts): they will be encoded again",
                    file, stale);
        }
        if (bad > 0 || tail > 0) {
            LOG.warn("{}: {} record(s) failed their checksum{}; they will be encoded again", file, bad,
                    tail > 0 ? " and an incomplete last record (" + tail + " bytes) was dropped" : "");
        }
        if (bad > 0 || tail > 0 || !magic.equals(MAGIC)) {
            io.recsys4j.core.internal.AtomicFiles.write(file, out -> {
                DataOutputStream d = new DataOutputStream(out);
                writeHeader(d);
                d.flush();
                ByteBuffer b = ByteBuffer.allocate(rec);
                for (Map.Entry<ByteBuffer, float[]> e : vectors.entrySet()) {
                    b.clear();
                    putRecord(b, e.getKey().array(), e.getValue());
                    out.write(b.array());
                }
            });
        }
        return bad;
    }

    private static boolean isZero(float[] v) {
        for (float x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    /** One record: hash, vector, CRC-32 of the two. */
    private static void putRecord(ByteBuffer b, byte[] key, float[] v) {
        int start = b.position();
        b.put(key);
        for (float x : v) {
            b.putFloat(x);
        }
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(b.array(), start, b.position() - start);
        b.putInt((int) crc.getValue());
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public int dim() {
        return delegate.dim();
    }

    @Override
    public float[][] encodeToArrays(List<String> texts) {
        float[][] out = new float[texts.size()][];
        List<String> missing = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        List<ByteBuffer> keys = new ArrayList<>();
        synchronized (vectors) {
            for (int t = 0; t < out.length; t++) {
                ByteBuffer key = ByteBuffer.wrap(sha256(texts.get(t)));
                float[] v = vectors.get(key);
                if (v != null) {
                    out[t] = v.clone();
                    hits.incrementAndGet();
                } else {
                    missing.add(texts.get(t));
                    where.add(t);
                    keys.add(key);
                }
            }
        }
        if (missing.isEmpty()) {
            return out;
        }
        misses.addAndGet(missing.size());
        float[][] fresh = delegate.encodeToArrays(missing);
        synchronized (vectors) {
            ByteBuffer buf = ByteBuffer.allocate(recordBytes() * fresh.length);
            for (int k = 0; k < fresh.length; k++) {
                out[where.get(k)] = fresh[k];
                if (vectors.putIfAbsent(keys.get(k), fresh[k].clone()) == null) {
                    putRecord(buf, keys.get(k).array(), fresh[k]);
                }
            }
            buf.flip();
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.APPEND)) {
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot append to the cache", e);
            }
        }
        return out;
    }

    /** Texts answered from the cache since it was opened. */
    public long hits() {
        return hits.get();
    }

    /** Texts the wrapped encoder had to encode since the cache was opened. */
    public long misses() {
        return misses.get();
    }

    /** Records found corrupt (or of the unchecked old format) when the cache was opened, and dropped. */
    public long badRecords() {
        return badRecords;
    }

    /** Number of vectors in the cache. */
    public int size() {
        synchronized (vectors) {
            return vectors.size();
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        delegate.close();
    }
}
