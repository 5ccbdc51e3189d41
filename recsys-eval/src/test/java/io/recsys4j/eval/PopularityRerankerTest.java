package io.recsys4j.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.recsys4j.core.IdMap;
import io.recsys4j.core.Interactions;
import io.recsys4j.core.Scorer;
import io.recsys4j.core.TopK;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PopularityRerankerTest {
    /** Users U (no training items), A: i0 i1 i3, B: i0 i3, C: i0: popularity 3, 1, 0, 2. */
    private static final Interactions TRAIN = Interactions.of(IdMap.range(4), IdMap.range(4),
            new int[] {1, 1, 1, 2, 2, 3}, new int[] {0, 1, 3, 0, 3, 0}, null, null);

    private static Scorer fixed(float[] row) {
        return new Scorer() {
            @Override
            public int numItems() {
                return row.length;
            }

            @Override
            public void score(int[] users, float[] out) {
                for (int r = 0; r < users.length; r++) {
                    System.arraycopy(row, 0, out, r * row.length, row.length);
                }
            }
        };
    }

    @Test
    void rescoresTheTopCandidates_asWorkedByHand() {
        // Top 3 of U: i0 .9, i1 .5, i2 .4 -> normalised 1, 0.2, 0. Tail scores 1 - ln(1+pop)/ln 4:
        // i0 0, i1 0.5, i2 1. With λ = 0.6: i0 0.4, i1 0.08 + 0.3 = 0.38, i2 0.6; i3 is not a candidate.
        float[] out = new float[4];
        new PopularityReranker(fixed(new float[] {0.9f, 0.5f, 0.4f, 0.1f}), TRAIN, 0.6, 3).score(new int[] {0}, out);
        assertEquals(0.4f, out[0], 1e-6f);
        assertEquals(0.38f, out[1], 1e-6f);
        assertEquals(0.6f, out[2], 1e-6f);
        assertEquals(Float.NEGATIVE_INFINITY, out[3]);
        // A's training items are never candidates: only i2 is left, alone in its range (ŝ = 1).
        new PopularityReranker(fixed(new float[] {0.9f, 0.5f, 0.4f, 0.1f}), TRAIN, 0.6, 3).score(new int[] {1}, out);
        assertArrayEquals(new float[] {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, 1f, Float.NEGATIVE_INFINITY},
                out, 1e-6f);
    }

    @Test
    void lambdaZero_keepsTheModelsTopList() {
        SplittableRandom rnd = new SplittableRandom(4);
        int items = 50;
        float[] row = new float[items];
        for (int i = 0; i < items; i++) {
            row[i] = (float) rnd.nextGaussian();
        }
        Interactions none = Interactions.of(IdMap.range(1), IdMap.range(items), new int[0], new int[0], null, null);
        float[] a = row.clone();
        float[] b = new float[items];
        new PopularityReranker(fixed(row), none, 0, 20).score(new int[] {0}, b);
        int[] ta = new int[10];
        int[] tb = new int[10];
        TopK.select(a, 0, items, new int[0], 0, 0, 10, ta, new float[10]);
        TopK.select(b, 0, items, new int[0], 0, 0, 10, tb, new float[10]);
        assertArrayEquals(ta, tb);
    }

    @Test
    void refusesAKnobOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new PopularityReranker(fixed(new float[4]), TRAIN, 1.5, 3));
        assertThrows(IllegalArgumentException.class, () -> new PopularityReranker(fixed(new float[4]), TRAIN, 0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> new PopularityReranker(fixed(new float[3]), TRAIN, 0.5, 3));
    }
}
