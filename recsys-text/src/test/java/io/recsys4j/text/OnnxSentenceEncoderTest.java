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
     * The reference was computed with Python ONNX Runtime 1.30 on another machine. Here, with
     * Java ONNX Runtime 1.20 (and 1.23.2, 1.24.1 bit for bit alike, at any optimisation level
     * or thread count), 20 of the 23 texts reach a cosine of 0.9995 or more (17 are 1.000000),
     * and three stay at 0.9953-0.9983 ("Sci-Fi|Thriller", a 12-token and the 119-token text):
     * the quantized model rounds activations to 8 bits, so a tiny difference upstream (the
     * CPU's integer kernels, VNNI or not) can flip a rounding. The bar is therefore 0.999 for
     * at least 20 texts and 0.995 for every text.
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
        // STACK.md measured 0.988-0.994 for batched vs single encodings of this quantized model.
        assertTrue(worst >= 0.988, "worst cosine between batched and single encoding " + worst);
    }

    @Test
    void output_isL2Normalised_andBlankIsZero() {
        float[][] v = encoder.encodeToArrays(List.of("red running shoes", "", "   "));
        double n = 0;
        for (float x : v[0]) {
            n += x * x;
        }
        assertEquals(1.0, n, 1e-5);
        for (float x : v[1]) {
            assertEquals(0f, x);
        }
        assertEquals(3, encoder.encode(List.of("a", "b", "c")).rows());
    }

    @Test
    void similarTexts_areCloserThanUnrelatedOnes() {
        float[][] v = encoder.encodeToArrays(List.of("wireless bluetooth headphones", "bluetooth earbuds with charging case",
                "organic garden compost soil"));
        assertTrue(Vectors.cosine(v[0], v[1]) > Vectors.cosine(v[0], v[2]) + 0.2);
    }
}
