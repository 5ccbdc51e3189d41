package io.recsys4j.benchmarks;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.recsys4j.core.synthetic.SyntheticWorld;
import io.recsys4j.text.HashingEncoder;
import io.recsys4j.text.OnnxSentenceEncoder;
import io.recsys4j.text.TextEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Text encoding throughput in texts per second, on 256 synthetic item texts of 12.5 tokens
 * on average ({@code short}) or 107 tokens ({@code long}) for MiniLM's tokenizer, [CLS] and
 * [SEP] included. {@code named} runs the encoder {@code model} names (1 ONNX thread; batches of
 * 32 equal-length texts for the fp32 models, one text per call for the quantized one, which is
 * what keeps its vectors batch invariant). {@code bareOnnx} does by hand what a user without the
 * library would with the quantized model: tokenise, group by length, batches of 32; so
 * {@code bareOnnx} against {@code named} with {@code minilm-q} is the price of batch invariance.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar TextEncoderBenchmark.named
 * java -jar benchmarks/target/benchmarks.jar "TextEncoderBenchmark.(bareOnnx|hashing)" -p model=minilm-q
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class TextEncoderBenchmark {
    private static final int TEXTS = 256;

    @Param({"short", "long"})
    String length;

    @Param({"minilm-q", "minilm-fp32", "bge-small-zh"})
    String model;

    private List<String> texts;
    private TextEncoder encoder;
    private TextEncoder hashing;
    private HuggingFaceTokenizer tokenizer;
    private OrtEnvironment env;
    private OrtSession session;

    @Setup(Level.Trial)
    public void setUp() throws IOException, OrtException {
        SyntheticWorld w = SyntheticWorld.builder().users(50).items(3000).interactions(500).seed(5).build();
        texts = new ArrayList<>();
        for (int i = 0; texts.size() < TEXTS; i++) {
            String t = w.itemText().text(i);
            if (length.equals("short")) {
                // The first six words: 12.5 tokens on average, [CLS] and [SEP] included.
                String[] words = t.split(" ");
                texts.add(String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, 6))));
            } else {
                // This item's text and the next two: 107 tokens on average.
                StringBuilder sb = new StringBuilder(t);
                for (int k = 1; k < 3; k++) {
                    sb.append(' ').append(w.itemText().text(i + k));
                }
                texts.add(sb.toString());
            }
        }
        encoder = OnnxSentenceEncoder.named(model, 1, 32);
        hashing = HashingEncoder.fit(texts, 4096);
        Map<String, String> options = Map.of("truncation", "true", "padding", "false", "maxLength", "128");
        try (InputStream tok = getClass().getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json");
             InputStream model = getClass().getResourceAsStream("/all-minilm-l6-v2-q.onnx")) {
            tokenizer = HuggingFaceTokenizer.newInstance(tok, options);
            env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions so = new OrtSession.SessionOptions();
            so.setIntraOpNumThreads(1);
            so.addConfigEntry("session.intra_op.allow_spinning", "0");
            session = env.createSession(model.readAllBytes(), so);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws OrtException {
        encoder.close();
        session.close();
        tokenizer.close();
    }

    @Benchmark
    @OperationsPerInvocation(TEXTS)
    public float[][] named() {
        return encoder.encodeToArrays(texts);
    }

    @Benchmark
    @OperationsPerInvocation(TEXTS)
    public float[][] hashing() {
        return hashing.encodeToArrays(texts);
    }

    @Benchmark
    @OperationsPerInvocation(TEXTS)
    public int bareOnnx() throws OrtException {
        List<long[]> ids = new ArrayList<>(texts.size());
        for (String t : texts) {
            ids.add(tokenizer.encode(t).getIds());
        }
        ids.sort(Comparator.comparingInt(a -> a.length));
        int sink = 0;
        for (int i = 0; i < ids.size(); ) {
            int j = i;
            while (j < ids.size() && j - i < 32 && ids.get(j).length == ids.get(i).length) {
                j++;
            }
            long[][] batch = ids.subList(i, j).toArray(new long[0][]);
            long[][] mask = new long[batch.length][batch[0].length];
            for (long[] m : mask) {
                java.util.Arrays.fill(m, 1L);
            }
            Map<String, OnnxTensor> in = new HashMap<>();
            in.put("input_ids", OnnxTensor.createTensor(env, batch));
            in.put("attention_mask", OnnxTensor.createTensor(env, mask));
            in.put("token_type_ids", OnnxTensor.createTensor(env, new long[batch.length][batch[0].length]));
            try (OrtSession.Result r = session.run(in)) {
                sink += ((float[][][]) r.get(0).getValue()).length;
            } finally {
                for (OnnxTensor t : in.values()) {
                    t.close();
                }
            }
            i = j;
        }
        return sink;
    }
}
