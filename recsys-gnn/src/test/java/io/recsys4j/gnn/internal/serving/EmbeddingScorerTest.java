package io.recsys4j.gnn.internal.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class EmbeddingScorerTest {
    @Test
    void score_isTheInnerProductOfUserAndItemRows() {
        SplittableRandom r = new SplittableRandom(1);
        int users = 7;
        int items = 11;
        int d = 5;
        float[][] u = new float[users][d];
        float[][] v = new float[items][d];
        for (float[] row : u) {
            for (int k = 0; k < d; k++) {
                row[k] = (float) r.nextGaussian();
            }
        }
        for (float[] row : v) {
            for (int k = 0; k < d; k++) {
                row[k] = (float) r.nextGaussian();
            }
        }
        EmbeddingScorer s = new EmbeddingScorer(Nd4j.create(u), Nd4j.create(v));
        int[] batch = {6, 0, 3};
        float[] out = new float[batch.length * items];
        s.score(batch, out);
        for (int b = 0; b < batch.length; b++) {
            for (int i = 0; i < items; i++) {
                double dot = 0;
                for (int k = 0; k < d; k++) {
                    dot += u[batch[b]][k] * v[i][k];
                }
                assertEquals(dot, out[b * items + i], 1e-5, "user " + batch[b] + " item " + i);
            }
        }
    }

    @Test
    void dot_bothKernels_giveTheHandComputedValue() {
        // (1, 2, 3, 4, 5, 0.5) · (1, 1, 1, 1, 2, 4) = 1 + 2 + 3 + 4 + 10 + 2 = 22, exact in floats;
        // offsets 1 and 2 check that rows are read where they start.
        float[] a = {9, 1, 2, 3, 4, 5, 0.5f};
        float[] b = {9, 9, 1, 1, 1, 1, 2, 4};
        assertEquals(22f, DotKernel.scalar().dot(a, 1, b, 2, 6), 0f);
        assertEquals(22f, DotKernel.best().dot(a, 1, b, 2, 6), 0f);
        float[] longA = new float[70];
        float[] longB = new float[70];
        for (int j = 0; j < 70; j++) {
            longA[j] = j % 3;
            longB[j] = 0.5f;
        }
        // 70 components: 23 twos and 23 ones (j mod 3 = 2 and 1), times 0.5: 34.5.
        assertEquals(34.5f, DotKernel.scalar().dot(longA, 0, longB, 0, 70), 0f);
        assertEquals(34.5f, DotKernel.best().dot(longA, 0, longB, 0, 70), 0f);
    }

    @Test
    void everyDoor_sameBitsForTheSamePair() {
        SplittableRandom r = new SplittableRandom(3);
        int d = 37;
        float[] u = new float[5 * d];
        float[] v = new float[9 * d];
        for (int k = 0; k < u.length; k++) {
            u[k] = (float) r.nextGaussian();
        }
        for (int k = 0; k < v.length; k++) {
            v[k] = (float) r.nextGaussian();
        }
        EmbeddingScorer s = new EmbeddingScorer(u, v, d);
        float[] block = new float[3 * 9];
        s.score(new int[] {4, 1, 4}, block);
        float[] row = new float[9];
        s.scoreVector(s.userEmbedding(1), row, 0);
        for (int i = 0; i < 9; i++) {
            int bits = Float.floatToIntBits(s.score(1, i));
            assertEquals(bits, Float.floatToIntBits(block[9 + i]));
            assertEquals(bits, Float.floatToIntBits(row[i]));
            assertEquals(Float.floatToIntBits(block[i]), Float.floatToIntBits(block[18 + i]));
        }
    }
}
