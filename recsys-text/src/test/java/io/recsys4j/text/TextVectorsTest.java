package io.recsys4j.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.recsys4j.core.IdMap;
import io.recsys4j.core.TextTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextVectorsTest {
    @Test
    void encode_alignsRowsToTheIdSpace_nullOnlyWhereThereIsNoText() {
        TextTable table = TextTable.of(IdMap.of(List.of("b", "a", "z")), new String[] {"red shoe", "blue hat", ""});
        IdMap catalogue = IdMap.of(List.of("a", "b", "c", "z"));
        HashingEncoder enc = HashingEncoder.fit(List.of("red shoe", "blue hat"), 64);
        float[][] v = TextVectors.encode(enc, table, catalogue);
        assertEquals(4, v.length);
        assertArrayEquals(enc.encodeToArrays(List.of("blue hat"))[0], v[0], "a's row is a's text");
        assertArrayEquals(enc.encodeToArrays(List.of("red shoe"))[0], v[1], "b's row is b's text");
        assertNull(v[2], "c has no text");
        assertNotNull(v[3], "z's text is empty, which is a text, not a missing one");
    }

    @Test
    void encode_passesOnlyTheTextsThatExist_theEmptyOneIncluded() {
        List<String> seen = new java.util.ArrayList<>();
        TextEncoder recording = new TextEncoder() {
            @Override
            public String name() {
                return "recording";
            }

            @Override
            public int dim() {
                return 1;
            }

            @Override
            public float[][] encodeToArrays(List<String> texts) {
                seen.addAll(texts);
                return texts.stream().map(t -> new float[] {t.length() + 1}).toArray(float[][]::new);
            }
        };
        TextTable table = TextTable.of(IdMap.of(List.of("a", "c")), new String[] {"", "xy"});
        float[][] v = TextVectors.encode(recording, table, IdMap.of(List.of("a", "b", "c")));
        assertEquals(List.of("", "xy"), seen);
        assertArrayEquals(new float[] {1}, v[0]);
        assertNull(v[1]);
        assertArrayEquals(new float[] {3}, v[2]);
    }

    @Test
    void texts_putEmptyStringsWhereIdsHaveNoText() {
        TextTable aligned = TextTable.of(IdMap.of(List.of("x", "y")), new String[] {null, "t"});
        assertEquals(List.of("", "t"), TextVectors.texts(aligned));
    }

    @Test
    void openEncoder_namesTheChoicesWhenTheNameIsUnknown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TextVectors.openEncoder("no-such-encoder", List.of(), 8, 16, 1, 1));
        assertEquals("encoder must be minilm, minilm-q, minilm-fp32, bge-small-zh, hashing or a folder with model.onnx and tokenizer.json, found "
                + "'no-such-encoder'", e.getMessage());
    }
}
