package io.recsys4j.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HashingEncoderTest {
    private static final List<String> CORPUS = List.of("red running shoes", "blue running shoes", "red cotton dress",
            "garden hose", "Ünïcode Straße 東京 shoes");

    @Test
    void terms_areUnigramsThenBigrams_lowerCased() {
        assertEquals(List.of("red", "running", "shoes", "red running", "running shoes"),
                HashingEncoder.terms("Red, RUNNING shoes!"));
        assertEquals(List.of("straße", "東", "京", "straße 東", "東 京"), HashingEncoder.terms("Straße 東京"));
    }

    @Test
    void cjkText_tokenisesByCharacter_withCharacterBigrams() {
        assertEquals(List.of("运", "动", "鞋", "42", "码", "运 动", "动 鞋", "鞋 42", "42 码"),
                HashingEncoder.terms("运动鞋42码"));
        assertEquals(List.of("ラ", "ン", "nike", "ラ ン", "ン nike"), HashingEncoder.terms("ラン Nike"));
        // Unsegmented titles that share words now share terms (one long "word" each, before).
        List<String> titles = List.of("运动鞋 男士 透气 跑步鞋 42码", "男士运动鞋透气", "不锈钢 保温杯 500毫升");
        HashingEncoder e = HashingEncoder.fit(titles, 4096);
        float[][] v = e.encodeToArrays(titles);
        assertTrue(Vectors.cosine(v[0], v[1]) > 0.4, "shoes vs shoes: " + Vectors.cosine(v[0], v[1]));
        assertEquals(0, Vectors.cosine(v[0], v[2]), 0.05, "shoes vs a flask");
        assertTrue(e.name().startsWith("hashing2-"), "cached vectors of the word tokeniser must not be reused");
    }

    @Test
    void sameCorpusSameVectors_acrossInstances() {
        HashingEncoder a = HashingEncoder.fit(CORPUS, 256);
        HashingEncoder b = HashingEncoder.fit(CORPUS, 256);
        assertEquals(a.name(), b.name());
        assertArrayEquals(a.encodeOne("red shoes"), b.encodeOne("red shoes"), 0f);
        assertNotEquals(a.name(), HashingEncoder.fit(CORPUS.subList(0, 3), 256).name(), "the name tracks the IDF");
    }

    @Test
    void vector_isL2NormalisedTfIdf_handComputedOnOneTerm() {
        HashingEncoder e = HashingEncoder.fit(CORPUS, 1 << 16);
        float[] v = e.encodeOne("garden");
        int b = Math.floorMod(HashingEncoder.hash("garden"), 1 << 16);
        assertEquals(1f, Math.abs(v[b]), 1e-6f);
        float[] w = e.encodeOne("shoes garden");
        // idf(shoes) = ln(6/4)+1, idf(garden) = ln(6/2)+1, idf(bigram) = ln(6/1)+1
        double s = Math.log(6.0 / 4) + 1;
        double g = Math.log(6.0 / 2) + 1;
        double bg = Math.log(6.0 / 1) + 1;
        double norm = Math.sqrt(s * s + g * g + bg * bg);
        assertEquals(g / norm, Math.abs(w[b]), 1e-5);
    }

    @Test
    void sharedWords_giveHigherCosine() {
        HashingEncoder e = HashingEncoder.fit(CORPUS, 1024);
        float[][] v = e.encodeToArrays(List.of("red running shoes", "blue running shoes", "garden hose"));
        assertTrue(Vectors.cosine(v[0], v[1]) > 0.3);
        assertEquals(0, Vectors.cosine(v[0], v[2]), 0.05);
    }

    @Test
    void emptyText_isTheZeroVector_andBadSettingsAreRefused() {
        HashingEncoder e = HashingEncoder.fit(CORPUS, 64);
        for (float x : e.encodeOne("  ...  ")) {
            assertEquals(0f, x);
        }
        assertThrows(IllegalArgumentException.class, () -> HashingEncoder.fit(CORPUS, 0));
        assertThrows(IllegalArgumentException.class, () -> HashingEncoder.fit(List.of(), 8));
    }
}
