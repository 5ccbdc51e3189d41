package io.recsys4j.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OnnxSentenceEncoderTest {
    private static OnnxSentenceEncoder encoder;
    private static JsonNode reference;

    @BeforeAll
    static void load() throws IOException {
        encoder = OnnxSentenceEncoder.miniLm(1, 16);
        try (InputStream in = OnnxSentenceEncoderTest.class.getResourceAsStream("/minilm-public.json")) {
            reference = new ObjectMapper().readTree(in);
        }
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    private static List<String> texts() {
        List<String> t = new ArrayList<>();
        reference.get("items").forEach(i -> t.add(i.get("text").asText()));
        return t;
    }

    @Test
    void tokenIds_matchTheIndependentReferenceExactly() {
        for (JsonNode item : reference.get("items")) {
            long[] expected = new long[item.get("ids").size()];
            for (int k = 0; k < expected.length; k++) {
                expected[k] = item.get("ids").get(k).asLong();
            }
            assertArrayEquals(expected, encoder.tokenIds(item.get("text").asText()), item.get("text").asText());
        }
    }

    /**
     * The reference was computed with ONNX Runtime 1.30, whose Java artifact is not on Maven
     * Central (the newest is 1.29.0). Here, with Java ONNX Runtime 1.20, 20 of the 23 texts reach
     * a cosine of 0.9995 or more and three stay at 0.9953-0.9983 ("Sci-Fi|Thriller", a 12-token
     * and the 119-token text). The gap is the runtime's kernels, not this library: the same
     * inputs through Node.js's onnxruntime-node on this machine give 1.000000 for all 23 texts
     * with 1.30, and this library's figures with 1.20 to 1.26 (0.9953; 1.27 to 1.29 give
     * 0.9928; 1.30 with graph optimisation below "extended" gives 0.9953 too). The bar is
     * therefore 0.999 for at least 20 texts and 0.995 for every text; the exact check against
     * the runtime this project uses is {@link #vectors_matchTheSameRuntimeThroughNode}.
     */
    @Test
    void vectors_matchTheReference_eachTextAlone() {
        assertEquals(384, encoder.dim());
        StringBuilder report = new StringBuilder();
        int close = 0;
        double worst = 1;
        int n = 0;
        for (JsonNode item : reference.get("items")) {
            float[] expected = new float[384];
            for (int k = 0; k < 384; k++) {
                expected[k] = (float) item.get("vector").get(k).asDouble();
            }
            float[] got = encoder.encodeToArrays(List.of(item.get("text").asText()))[0];
            double cos = Vectors.cosine(expected, got);
            report.append(String.format("%.6f %s%n", cos, item.get("text").asText()));
            close += cos >= 0.999 ? 1 : 0;
            worst = Math.min(worst, cos);
            n++;
        }
        assertEquals(23, n);
        assertTrue(worst >= 0.995, "worst cosine " + worst + "\n" + report);
        assertTrue(close >= 20, close + " texts at cosine >= 0.999\n" + report);
    }

    /**
     * minilm-ort-1.20.json holds the vectors that ONNX Runtime 1.20 gives for the reference
     * token ids through Node.js (src/test/node/ort-reference.js, pooling in float64): an
     * independent binding of the runtime version in the pom, so the tokenizer, the inputs, the
     * mean pooling and the normalisation here must reproduce it to float precision.
     */
    @Test
    void vectors_matchTheSameRuntimeThroughNode() throws IOException {
        JsonNode node;
        try (InputStream in = OnnxSentenceEncoderTest.class.getResourceAsStream("/minilm-ort-1.20.json")) {
            node = new ObjectMapper().readTree(in);
        }
        assertEquals(node.get("onnxruntime").asText(), ai.onnxruntime.OrtEnvironment.getEnvironment().getVersion(),
                "the ONNX Runtime version changed: regenerate minilm-ort-1.20.json (src/test/node/README.md)");
        int n = 0;
        for (JsonNode item : node.get("items")) {
            float[] got = encoder.encodeToArrays(List.of(item.get("text").asText()))[0];
            for (int k = 0; k < 384; k++) {
                assertEquals(item.get("vector").get(k).asDouble(), got[k], 2e-6, item.get("text").asText() + " [" + k + "]");
            }
            n++;
        }
        assertEquals(23, n);
    }

    @Test
    void vectors_doNotDependOnBatchMatesBeyondQuantisationNoise() {
        List<String> all = texts();
        // Repeat the texts so that every length group has several members.
        List<String> big = new ArrayList<>(all);
        big.addAll(all);
        big.add("Toy Story (1995) Adventure|Animation|Children|Comedy|Fantasy");
        float[][] together = encoder.encodeToArrays(big);
        double worst = 1;
        for (int t = 0; t < all.size(); t++) {
            float[] alone = encoder.encodeToArrays(List.of(all.get(t)))[0];
            worst = Math.min(worst, Vectors.cosine(alone, together[t]));
            assertArrayEquals(together[t], together[t + all.size()], 1e-6f, "same text, same batch, same vector");
        }
        // docs/text.md: measured 0.988-0.994 for batched vs single encodings of this quantized model.
        assertTrue(worst >= 0.988, "worst cosine between batched and single encoding " + worst);
    }

    @Test
    void output_isL2Normalised_andTheEmptyTextIsARealVector() {
        float[][] v = encoder.encodeToArrays(List.of("red running shoes", "", "   "));
        for (float[] row : v) {
            double n = 0;
            for (float x : row) {
                n += x * x;
            }
            assertEquals(1.0, n, 1e-5);
        }
        // Whitespace tokenises to nothing, as in sentence-transformers: [CLS] [SEP], like the empty text.
        assertArrayEquals(new long[] {101, 102}, encoder.tokenIds("   "));
        assertArrayEquals(v[1], v[2]);
        assertEquals(3, encoder.encode(List.of("a", "b", "c")).rows());
    }

    @Test
    void similarTexts_areCloserThanUnrelatedOnes() {
        float[][] v = encoder.encodeToArrays(List.of("wireless bluetooth headphones", "bluetooth earbuds with charging case",
                "organic garden compost soil"));
        assertTrue(Vectors.cosine(v[0], v[1]) > Vectors.cosine(v[0], v[2]) + 0.2);
    }
}
