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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The named encoders against embeddings computed independently of this project
 * ({@code src/test/resources/text-reference/README.md}: Python/Node ONNX Runtime and the Rust
 * and JavaScript tokenizers): token ids equal; cosine to the reference per text, every text
 * alone and all of them in one call; and a text's vector the same alone and among batch mates.
 */
class ReferenceEmbeddingsTest {
    private record Ref(String text, long[] ids, float[] vector) {
    }

    private static List<Ref> read(String file) throws IOException {
        try (InputStream in = ReferenceEmbeddingsTest.class.getResourceAsStream("/text-reference/" + file)) {
            JsonNode items = new ObjectMapper().readTree(in).get("items");
            List<Ref> refs = new ArrayList<>();
            for (JsonNode it : items) {
                long[] ids = new long[it.get("ids").size()];
                for (int k = 0; k < ids.length; k++) {
                    ids[k] = it.get("ids").get(k).asLong();
                }
                float[] v = new float[it.get("vector").size()];
                for (int k = 0; k < v.length; k++) {
                    v[k] = (float) it.get("vector").get(k).asDouble();
                }
                refs.add(new Ref(it.get("text").asText(), ids, v));
            }
            return refs;
        }
    }

    @ParameterizedTest
    @CsvSource({"minilm-q, minilm-public.json, 0.995", "minilm-fp32, minilm-fp32-public.json, 0.9999",
        "bge-small-zh, bge-small-zh-public.json, 0.9999"})
    void namedEncoder_matchesTheReference_aloneAndInOneCall(String name, String file, double minCosine) throws IOException {
        List<Ref> refs = read(file);
        assertTrue(refs.size() >= 10, "reference texts: " + refs.size());
        try (OnnxSentenceEncoder e = OnnxSentenceEncoder.named(name, 1, 64)) {
            assertEquals(refs.get(0).vector().length, e.dim());
            List<String> texts = refs.stream().map(Ref::text).toList();
            float[][] batch = e.encodeToArrays(texts);
            double worst = 1;
            for (int t = 0; t < refs.size(); t++) {
                Ref r = refs.get(t);
                assertArrayEquals(r.ids(), e.tokenIds(r.text()), "token ids of '" + r.text() + "'");
                float[] alone = e.encodeToArrays(List.of(r.text()))[0];
                double a = Vectors.cosine(alone, r.vector());
                double b = Vectors.cosine(batch[t], r.vector());
                worst = Math.min(worst, Math.min(a, b));
                assertTrue(a >= minCosine, name + " alone, '" + r.text() + "': cosine " + a);
                assertTrue(b >= minCosine, name + " in one call, '" + r.text() + "': cosine " + b);
                // Batch invariance: the same text, alone and with its batch mates.
                assertTrue(Vectors.cosine(alone, batch[t]) >= 0.9999, name + " '" + r.text() + "' depends on its batch");
            }
            System.out.printf("%s: worst cosine to the reference %.6f over %d texts%n", name, worst, refs.size());
        }
    }

    /**
     * The empty text is a text ({@code [CLS] [SEP]}), not a missing one: its vector against the
     * same model run through Node.js's ONNX Runtime 1.30 ({@code empty-text-ort-1.30.json},
     * {@code src/test/node/README.md}), alone, first in a call and among other texts.
     */
    @ParameterizedTest
    @CsvSource({"minilm-q, 0.995", "minilm-fp32, 0.9999", "bge-small-zh, 0.9999"})
    void theEmptyText_getsTheModelsEmbeddingOfTheEmptyString(String name, double minCosine) throws IOException {
        JsonNode ref;
        try (InputStream in = ReferenceEmbeddingsTest.class.getResourceAsStream("/empty-text-ort-1.30.json")) {
            ref = new ObjectMapper().readTree(in);
        }
        float[] expected = new float[ref.get("vectors").get(name).size()];
        for (int k = 0; k < expected.length; k++) {
            expected[k] = (float) ref.get("vectors").get(name).get(k).asDouble();
        }
        try (OnnxSentenceEncoder e = OnnxSentenceEncoder.named(name, 1, 64)) {
            assertArrayEquals(new long[] {101, 102}, e.tokenIds(""));
            float[] alone = e.encodeOne("");
            float[][] mixed = e.encodeToArrays(List.of("", "运动鞋 男士 透气 跑步鞋 42码", "", "red running shoes", ""));
            for (float[] v : new float[][] {alone, mixed[0], mixed[2], mixed[4]}) {
                double c = Vectors.cosine(v, expected);
                assertTrue(c >= minCosine, name + ": the empty text at cosine " + c + " to the reference");
                assertTrue(Vectors.cosine(v, alone) >= 0.9999, name + ": the empty text depends on its batch");
            }
        }
    }
}
