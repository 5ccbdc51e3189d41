package io.recsys4j.gnn.io;

import io.recsys4j.core.IdMap;
import io.recsys4j.core.Interactions;
import io.recsys4j.core.io.AtomicFiles;
import io.recsys4j.gnn.GraphRecommender;
import io.recsys4j.gnn.train.EpochStats;
import io.recsys4j.gnn.train.TrainingConfig;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * The on-disk format of a {@link GraphRecommender}, big-endian:
 * <pre>
 *   "RECSYS4J-GNN" | int version | config | int dim | user ids | item ids
 *   | training pairs | user embeddings | item embeddings | history | int best epoch
 *   | int feature dim (0: not text-fed) | text projection (version 2)
 *   | long CRC-32 of everything before it
 * </pre>
 * Written to a temporary file and moved into place; on load the checksum is verified before
 * anything is parsed. Version 1 files (before text-fed models) still load; a newer version is
 * refused with its number named.
 */
public final class ModelFile {
    /** The current format version. */
    public static final int VERSION = 2;
    private static final byte[] MAGIC = "RECSYS4J-GNN".getBytes(StandardCharsets.US_ASCII);

    private ModelFile() {
    }

    /** Writes {@code model} to {@code file} atomically. */
    public static void write(GraphRecommender model, Path file) throws IOException {
        AtomicFiles.write(file, raw -> {
            CRC32 crc = new CRC32();
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
            out.write(MAGIC);
            out.writeInt(VERSION);
            TrainingConfig c = model.config();
            out.writeUTF(c.model());
            out.writeDouble(c.socialWeight());
            out.writeInt(c.layers());
            out.writeInt(c.dim());
            out.writeInt(c.epochs());
            out.writeInt(c.batchSize());
            out.writeDouble(c.learningRate());
            out.writeDouble(c.regularization());
            out.writeDouble(c.initStd());
            out.writeLong(c.seed());
            out.writeInt(c.threads());
            out.writeInt(c.evalEvery());
            out.writeInt(c.patience());
            out.writeInt(c.validationK());
            out.writeInt(model.dim());
            writeIds(out, model.users());
            writeIds(out, model.items());
            Interactions t = model.trainingInteractions();
            out.writeInt(t.size());
            for (int k = 0; k < t.size(); k++) {
                out.writeInt(t.user(k));
                out.writeInt(t.item(k));
            }
            writeFloats(out, model.userEmbeddings());
            writeFloats(out, model.itemEmbeddings());
            out.writeInt(model.history().size());
            for (EpochStats s : model.history()) {
                out.writeInt(s.epoch());
                out.writeDouble(s.loss());
                out.writeDouble(s.seconds());
                out.writeDouble(s.validation());
            }
            out.writeInt(model.bestEpoch());
            out.writeInt(model.featureDim());
            if (model.textFed()) {
                writeFloats(out, model.projection());
            }
            out.flush();
            new DataOutputStream(raw).writeLong(crc.getValue());
        });
    }

    /**
     * Reads a model.
     *
     * @throws IOException naming the file if it is not a model file, has another version or fails its checksum
     */
    public static GraphRecommender read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < MAGIC.length + 12 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new IOException(file + ": not a recsys4j model file");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        long stored = new DataInputStream(new ByteArrayInputStream(bytes, bytes.length - 8, 8)).readLong();
        if (stored != crc.getValue()) {
            throw new IOException(file + ": checksum mismatch, the file is corrupt or truncated");
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, MAGIC.length, bytes.length - 8 - MAGIC.length));
            int version = in.readInt();
            if (version < 1 || version > VERSION) {
                throw new IOException(file + ": model format version " + version + ", this library reads 1 to " + VERSION);
            }
            TrainingConfig c = new TrainingConfig(in.readUTF(), in.readDouble(), in.readInt(), in.readInt(), in.readInt(),
                    in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(), in.readLong(), in.readInt(),
                    in.readInt(), in.readInt(), in.readInt());
            int dim = in.readInt();
            IdMap users = readIds(in);
            IdMap items = readIds(in);
            int n = in.readInt();
            int[] u = new int[n];
            int[] i = new int[n];
            for (int k = 0; k < n; k++) {
                u[k] = in.readInt();
                i[k] = in.readInt();
            }
            Interactions train = Interactions.of(users, items, u, i, null, null);
            float[] ue = readFloats(in);
            float[] ie = readFloats(in);
            int h = in.readInt();
            List<EpochStats> history = new ArrayList<>(h);
            for (int k = 0; k < h; k++) {
                history.add(new EpochStats(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble()));
            }
            int best = in.readInt();
            int featureDim = version >= 2 ? in.readInt() : 0;
            float[] projection = featureDim > 0 ? readFloats(in) : null;
            return new GraphRecommender(train, dim, ue, ie, c, history, best, projection, featureDim);
        } catch (EOFException | IllegalArgumentException e) {
            throw new IOException(file + ": malformed model file: " + e.getMessage(), e);
        }
    }

    private static void writeIds(DataOutputStream out, IdMap ids) throws IOException {
        out.writeInt(ids.size());
        for (int k = 0; k < ids.size(); k++) {
            out.writeUTF(ids.id(k));
        }
    }

    private static IdMap readIds(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> ids = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            ids.add(in.readUTF());
        }
        return IdMap.of(ids);
    }

    private static void writeFloats(DataOutputStream out, float[] v) throws IOException {
        out.writeInt(v.length);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(v.length * 4);
        b.asFloatBuffer().put(v);
        out.write(b.array());
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        int n = in.readInt();
        byte[] raw = new byte[n * 4];
        in.readFully(raw);
        float[] v = new float[n];
        java.nio.ByteBuffer.wrap(raw).asFloatBuffer().get(v);
        return v;
    }
}
