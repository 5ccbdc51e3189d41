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
 * cache folder: a header (magic, name, dim), then fixed-size records (hash, vector) appended
 * as texts are encoded. A record cut short by a crash is dropped (and counted in the log) on
 * the next open. Thread-safe.
 */
public final class CachingEncoder implements TextEncoder {
    private static final Logger LOG = LoggerFactory.getLogger(CachingEncoder.class);
    private static final String MAGIC = "RECSYS4J-VECTORS-1";

    private final TextEncoder delegate;
    private final Path file;
    private final Map<ByteBuffer, float[]> vectors = new HashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final long headerBytes;

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
        this.headerBytes = load();
    }

    private void writeHeader(DataOutputStream out) throws IOException {
        out.writeUTF(MAGIC);
        out.writeUTF(delegate.name());
        out.writeInt(delegate.dim());
    }

    private int recordBytes() {
        return 32 + 4 * delegate.dim();
    }

    private long load() throws IOException {
        long header;
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            String magic = in.readUTF();
            String name = in.readUTF();
            int dim = in.readInt();
            if (!MAGIC.equals(magic) || !name.equals(delegate.name()) || dim != delegate.dim()) {
                throw new IOException(file + ": a cache of '" + name + "' (dim " + dim + "), not of '"
                        + delegate.name() + "' (dim " + delegate.dim() + ")");
            }
            header = 2 + MAGIC.getBytes(StandardCharsets.UTF_8).length + 2
                    + name.getBytes(StandardCharsets.UTF_8).length + 4;
            long size = Files.size(file);
            long records = (size - header) / recordBytes();
            for (long r = 0; r < records; r++) {
                byte[] key = new byte[32];
                in.readFully(key);
                float[] v = new float[delegate.dim()];
                for (int j = 0; j < v.length; j++) {
                    v[j] = in.readFloat();
                }
                vectors.put(ByteBuffer.wrap(key), v);
            }
            long tail = size - header - records * recordBytes();
            if (tail != 0) {
                LOG.warn("{}: dropping an incomplete last record ({} bytes)", file, tail);
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(header + records * recordBytes());
                }
            }
        }
        return header;
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
                    buf.put(keys.get(k).array());
                    for (float x : fresh[k]) {
                        buf.putFloat(x);
                    }
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
