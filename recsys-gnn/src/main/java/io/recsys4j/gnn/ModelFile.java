package io.recsys4j.gnn;

import io.recsys4j.core.IdMap;
import io.recsys4j.core.Interactions;
import io.recsys4j.core.SocialGraph;
import io.recsys4j.core.internal.AtomicFiles;
import io.recsys4j.core.io.MalformedDataException;
import io.recsys4j.gnn.internal.serving.ScoreDecomposition;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * The one model-file mechanism of every {@link Recommender} family. Big-endian, strings as
 * {@link DataOutputStream#writeUTF} (2-byte length, modified UTF-8), format version 3:
 * <pre>
 *   header (this layout is kept by every later format version, so that a newer file can be named):
 *     12 bytes  "RECSYS4J-GNN" (US-ASCII)
 *     int       format version (3)
 *     UTF       family ("lightgcn")
 *     UTF       library version that wrote the file ("0.1.0-SNAPSHOT")
 *   settings:
 *     int       n, then n x (UTF name, UTF value): every setting that applies
 *               (TrainingSettings.toMap: kind, socialWeight for social, layers, dim, epochs,
 *               batchSize, learningRate, regularization, initStd, seed, threads, evalEvery,
 *               patience and validationK when validated, coldStartWeight when text-fed)
 *   body of family "lightgcn":
 *     int       dim
 *     ids       users: int n, n x UTF id (index order)
 *     ids       items: the same
 *     pairs     int m, m x (int user index, int item index): the training interactions
 *     floats    user embeddings: int length, length x float, row-major [users x dim]
 *     floats    item embeddings: the same, [items x dim]
 *     history   int h, h x (int epoch, double loss, double seconds, double validation or NaN)
 *     int       best epoch
 *     int       text feature dim m (0: not text-fed)
 *     floats    text projection [m x dim], only if m > 0
 *   trailer:
 *     long      CRC-32 of every byte before it
 * </pre>
 * Written to a temporary file and moved into place; on load the checksum is verified before
 * anything is parsed. Versions 1 and 2 (positional settings, no family, no library version)
 * still load; a version-1 or -2 text-fed model did not record its cold-start weight and
 * loads with the default. A newer format version or an unknown family is refused by name.
 */
final class ModelFile {
    static final int VERSION = 4;
    static final String LIBRARY_VERSION = libraryVersion();
    /** The first bytes of every model file. */
    static final byte[] MAGIC = "RECSYS4J-GNN".getBytes(StandardCharsets.US_ASCII);

    private ModelFile() {
    }

    private static String libraryVersion() {
        try (InputStream in = ModelFile.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(GraphFilter model, Path file) throws IOException {
        AtomicFiles.write(file, raw -> {
            CRC32 crc = new CRC32();
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(model.family());
            out.writeUTF(LIBRARY_VERSION);
            writeMap(out, model.settings().toMap());
            writeIds(out, model.users());
            writeIds(out, model.items());
            Interactions t = model.trainingInteractions();
            out.writeInt(t.size());
            for (int k = 0; k < t.size(); k++) {
                out.writeInt(t.user(k));
                out.writeInt(t.item(k));
            }
            SocialGraph g = model.social();
            out.writeBoolean(g != null);
            if (g != null) {
                writeIds(out, g.users());
                int[] rs = g.csrRowStart();
                int[] nb = g.csrNeighbours();
                int undirected = 0;
                for (int u = 0; u < g.numUsers(); u++) {
                    for (int q = rs[u]; q < rs[u + 1]; q++) {
                        undirected += u < nb[q] ? 1 : 0;
                    }
                }
                out.writeInt(undirected);
                for (int u = 0; u < g.numUsers(); u++) {
                    for (int q = rs[u]; q < rs[u + 1]; q++) {
                        if (u < nb[q]) {
                            out.writeInt(u);
                            out.writeInt(nb[q]);
                        }
                    }
                }
            }
            writeFloats(out, model.singularValuesSquared());
            writeFloats(out, model.rightVectors());
            out.writeInt(model.textDim());
            if (model.textVectors() != null) {
                writeFloats(out, model.textVectors());
            }
            out.writeInt(model.tuning().size());
            for (FilterCandidate c : model.tuning()) {
                writeMap(out, c.settings().toMap());
                out.writeDouble(c.recall());
                out.writeDouble(c.ndcg());
            }
            out.writeDouble(model.fitSeconds());
            out.writeInt(model.threads());
            out.flush();
            new DataOutputStream(raw).writeLong(crc.getValue());
        });
    }

    /** The body of family "filter", after the header: the fitted spectrum; P is recomputed from the interactions. */
    private static GraphFilter readFilter(DataInputStream in, Map<String, String> settings) throws IOException {
        FilterSettings s = FilterSettings.fromMap(settings);
        IdMap users = readIds(in);
        IdMap items = readIds(in);
        int n = count(in, 8, "interaction");
        int[] u = new int[n];
        int[] i = new int[n];
        for (int k = 0; k < n; k++) {
            u[k] = in.readInt();
            i[k] = in.readInt();
        }
        Interactions train = Interactions.of(users, items, u, i, null, null);
        SocialGraph g = null;
        if (in.readBoolean()) {
            IdMap su = readIds(in);
            int e = count(in, 8, "social edge");
            List<Integer> a = new ArrayList<>();
            List<Integer> b = new ArrayList<>();
            for (int k = 0; k < e; k++) {
                a.add(in.readInt());
                b.add(in.readInt());
            }
            g = SocialGraph.of(su, a.stream().mapToInt(Integer::intValue).toArray(),
                    b.stream().mapToInt(Integer::intValue).toArray());
        }
        float[] lambda = readFloats(in);
        float[] v = readFloats(in);
        if (v.length != (long) lambda.length * items.size() || s.rank() > lambda.length) {
            throw new IOException("spectrum of " + lambda.length + " values does not match " + v.length
                    + " vector components over " + items.size() + " items");
        }
        int d = in.readInt();
        float[] text = d > 0 ? readFloats(in) : null;
        if (text != null && text.length != (long) d * items.size()) {
            throw new IOException("text table of " + text.length + " floats is not " + items.size() + " x " + d);
        }
        int c = count(in, 20, "tuning candidate");
        List<FilterCandidate> tuning = new ArrayList<>(c);
        for (int k = 0; k < c; k++) {
            tuning.add(new FilterCandidate(FilterSettings.fromMap(readMap(in)), in.readDouble(), in.readDouble()));
        }
        double secs = in.readDouble();
        int threads = in.readInt();
        // A file's thread count is a preference, not a licence to start a million threads.
        return new GraphFilter(train, g, text, d, s, lambda, v, tuning, secs, Math.max(1, Math.min(threads, 1024)));
    }

    static void write(GraphRecommender model, Path file) throws IOException {
        AtomicFiles.write(file, raw -> {
            CRC32 crc = new CRC32();
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(model.family());
            out.writeUTF(LIBRARY_VERSION);
            writeMap(out, model.settings().toMap());
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
            ScoreDecomposition dec = model.decomposition();
            out.writeBoolean(dec != null);
            if (dec != null) {
                writeFloats(out, dec.self());
                out.writeBoolean(dec.text() != null);
                if (dec.text() != null) {
                    writeFloats(out, dec.text());
                }
                writeFloats(out, dec.userPartial());
                writeFloats(out, dec.itemPartial());
                writeRows(out, dec.itemRows());
                writeRows(out, dec.friendRows());
            }
            out.flush();
            new DataOutputStream(raw).writeLong(crc.getValue());
        });
    }

    /**
     * Reads a model file. Every way a file can be wrong, from a foreign file to a body whose
     * checksum holds but whose counts lie, is a {@link MalformedDataException} naming the file.
     */
    static Recommender read(Path file) throws IOException {
        io.recsys4j.core.io.InputFiles.requireReadable(file);
        if (Files.isRegularFile(file) && Files.size(file) > Integer.MAX_VALUE - 8) {
            throw new MalformedDataException(file, 0, "not a recsys4j model file (larger than 2 GB)");
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < MAGIC.length + 12 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new MalformedDataException(file, 0, "not a recsys4j model file");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        long stored = new DataInputStream(new ByteArrayInputStream(bytes, bytes.length - 8, 8)).readLong();
        if (stored != crc.getValue()) {
            throw new MalformedDataException(file, 0, "checksum mismatch, the file is corrupt or truncated");
        }
        try {
            return parse(file, bytes);
        } catch (MalformedDataException e) {
            throw e;
        } catch (IOException | IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
            // The checksum holds, so the writer wrote this: a body that does not add up is still a bad file, not a bug here.
            throw new MalformedDataException(file, 0, "malformed model file: " + e.getMessage());
        }
    }

    private static Recommender parse(Path file, byte[] bytes) throws IOException {
        {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, MAGIC.length,
                    bytes.length - 8 - MAGIC.length));
            int version = in.readInt();
            if (version > VERSION) {
                String by = "";
                try {
                    in.readUTF();
                    by = " (written by recsys4j " + in.readUTF() + ")";
                } catch (IOException | RuntimeException unreadable) {
                    // Only a version-3-style header can name its writer.
                }
                throw new MalformedDataException(file, 0, "model format version " + version + by + "; this library ("
                        + LIBRARY_VERSION + ") reads versions 1 to " + VERSION + ": upgrade recsys4j to load it");
            }
            if (version < 1) {
                throw new MalformedDataException(file, 0, "model format version " + version + " does not exist");
            }
            TrainingSettings.Builder settings;
            if (version >= 3) {
                String family = in.readUTF();
                String writer = in.readUTF();
                if (!family.equals(GraphRecommender.FAMILY) && !family.equals(GraphFilter.FAMILY)) {
                    throw new MalformedDataException(file, 0, "holds a model of family '" + family + "' (written by recsys4j "
                            + writer + "); this library (" + LIBRARY_VERSION + ") reads the families: "
                            + GraphRecommender.FAMILY + ", " + GraphFilter.FAMILY);
                }
                Map<String, String> m = readMap(in);
                if (family.equals(GraphFilter.FAMILY)) {
                    GraphFilter f = readFilter(in, m);
                    if (in.available() != 0) {
                        throw new IOException("trailing bytes after the filter body");
                    }
                    return f;
                }
                settings = TrainingSettings.fromMap(m);
            } else {
                settings = positionalSettings(in);
            }
            int dim = in.readInt();
            IdMap users = readIds(in);
            IdMap items = readIds(in);
            int n = count(in, 8, "interaction");
            int[] u = new int[n];
            int[] i = new int[n];
            for (int k = 0; k < n; k++) {
                u[k] = in.readInt();
                i[k] = in.readInt();
            }
            Interactions train = Interactions.of(users, items, u, i, null, null);
            float[] ue = readFloats(in);
            float[] ie = readFloats(in);
            int h = count(in, 28, "epoch");
            List<EpochStats> history = new ArrayList<>(h);
            for (int k = 0; k < h; k++) {
                history.add(new EpochStats(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble()));
            }
            int best = in.readInt();
            int featureDim = version >= 2 ? in.readInt() : 0;
            float[] projection = featureDim > 0 ? readFloats(in) : null;
            if (version < 3 && projection != null) {
                settings.coldStartWeight(TrainingSettings.DEFAULT_COLD_START_WEIGHT);
            }
            ScoreDecomposition dec = null;
            if (version >= 4 && in.readBoolean()) {
                float[] self = readFloats(in);
                float[] text = in.readBoolean() ? readFloats(in) : null;
                float[] up = readFloats(in);
                float[] ip = readFloats(in);
                dec = new ScoreDecomposition(users.size(), dim, self, text, up, ip, readRows(in, items.size()),
                        readRows(in, users.size()));
            }
            if (version >= 4 && in.available() != 0) {
                throw new IOException("trailing bytes after the model body");
            }
            return new GraphRecommender(train, dim, ue, ie, settings.build(), history, best, projection, featureDim, dec);
        }
    }

    /** Versions 1 and 2: the fourteen settings in a fixed order, each whether it applied or not. */
    private static TrainingSettings.Builder positionalSettings(DataInputStream in) throws IOException {
        ModelKind kind = ModelKind.parse(in.readUTF());
        double socialWeight = in.readDouble();
        TrainingSettings.Builder b = TrainingSettings.builder().kind(kind);
        if (kind == ModelKind.SOCIAL) {
            b.socialWeight(socialWeight);
        }
        b.layers(in.readInt()).dim(in.readInt()).epochs(in.readInt()).batchSize(in.readInt())
                .learningRate(in.readDouble()).regularization(in.readDouble()).initStd(in.readDouble())
                .seed(in.readLong()).threads(in.readInt());
        int evalEvery = in.readInt();
        int patience = in.readInt();
        int validationK = in.readInt();
        b.evalEvery(evalEvery);
        if (evalEvery > 0) {
            b.patience(patience).validationK(validationK);
        }
        return b;
    }

    private static void writeMap(DataOutputStream out, Map<String, String> m) throws IOException {
        out.writeInt(m.size());
        for (Map.Entry<String, String> e : m.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
    }

    private static Map<String, String> readMap(DataInputStream in) throws IOException {
        int n = count(in, 4, "setting");
        Map<String, String> m = new LinkedHashMap<>();
        for (int k = 0; k < n; k++) {
            m.put(in.readUTF(), in.readUTF());
        }
        return m;
    }

    private static void writeIds(DataOutputStream out, IdMap ids) throws IOException {
        out.writeInt(ids.size());
        for (int k = 0; k < ids.size(); k++) {
            out.writeUTF(ids.id(k));
        }
    }

    private static IdMap readIds(DataInputStream in) throws IOException {
        int n = count(in, 2, "id");
        List<String> ids = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            ids.add(in.readUTF());
        }
        return IdMap.of(ids);
    }

    /**
     * Reads a count of things of at least {@code bytesEach} bytes, refusing one that the bytes
     * left cannot hold: a lying count must not allocate gigabytes before the read fails.
     */
    private static int count(DataInputStream in, int bytesEach, String what) throws IOException {
        int n = in.readInt();
        int left = in.available(); // exact: the stream is over a byte array
        if (n < 0 || (long) n * bytesEach > left) {
            throw new IOException(what + " count " + n + " does not fit in the " + left + " bytes left");
        }
        return n;
    }

    private static void writeRows(DataOutputStream out, ScoreDecomposition.Rows r) throws IOException {
        out.writeInt(r.start().length);
        for (int v : r.start()) {
            out.writeInt(v);
        }
        out.writeInt(r.cols().length);
        for (int v : r.cols()) {
            out.writeInt(v);
        }
        writeFloats(out, r.weights());
    }

    /** Rows whose columns must lie in {@code [0, columns)}, starts ascending from 0. */
    private static ScoreDecomposition.Rows readRows(DataInputStream in, int columns) throws IOException {
        int[] start = new int[count(in, 4, "row start")];
        for (int k = 0; k < start.length; k++) {
            start[k] = in.readInt();
            if ((k == 0 && start[k] != 0) || (k > 0 && start[k] < start[k - 1])) {
                throw new IOException("decomposition row starts are not ascending from 0");
            }
        }
        int[] cols = new int[count(in, 4, "row column")];
        for (int k = 0; k < cols.length; k++) {
            cols[k] = in.readInt();
            if (cols[k] < 0 || cols[k] >= columns) {
                throw new IOException("decomposition column " + cols[k] + " outside 0.." + (columns - 1));
            }
        }
        if (start.length == 0) {
            throw new IOException("decomposition rows without starts");
        }
        return new ScoreDecomposition.Rows(start, cols, readFloats(in));
    }

    private static void writeFloats(DataOutputStream out, float[] v) throws IOException {
        out.writeInt(v.length);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(v.length * 4);
        b.asFloatBuffer().put(v);
        out.write(b.array());
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        int n = count(in, 4, "float");
        byte[] raw = new byte[n * 4];
        in.readFully(raw);
        float[] v = new float[n];
        java.nio.ByteBuffer.wrap(raw).asFloatBuffer().get(v);
        return v;
    }
}
