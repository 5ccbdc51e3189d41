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
    void dot_andBothBlockKernels_giveTheHandComputedValue() {
        // (1, 2, 3, 4, 5, 0.5) · (1, 1, 1, 1, 2, 4) = 1 + 2 + 3 + 4 + 10 + 2 = 22, exact in floats;
        // offsets 1 and 2 check that rows are read where they start.
        float[] a = {9, 1, 2, 3, 4, 5, 0.5f};
        float[] b = {9, 9, 1, 1, 1, 1, 2, 4};
        assertEquals(22f, ScoreKernel.dot(a, 1, b, 2, 6), 0f);
        // 70 components: 23 twos and 23 ones (j mod 3 = 2 and 1), times 0.5: 34.5.
        float[] longA = new float[70];
        float[] longB = new float[70];
        for (int j = 0; j < 70; j++) {
            longA[j] = j % 3;
            longB[j] = 0.5f;
        }
        assertEquals(34.5f, ScoreKernel.dot(longA, 0, longB, 0, 70), 0f);
        // Blocks: user (1, 2) against items (3, 4), (0, 1), (-1, 0.5): 11, 2, 0, written at
        // offset 1 of rows 5 wide; everything else untouched.
        for (ScoreKernel k : new ScoreKernel[] {ScoreKernel.scalar(), ScoreKernel.best()}) {
            int stride = k.lanes();
            float[] itemsT = new float[2 * stride];
            itemsT[0] = 3;
            itemsT[1] = 0;
            itemsT[2] = -1;
            itemsT[stride] = 4;
            itemsT[stride + 1] = 1;
            itemsT[stride + 2] = 0.5f;
            float[] out = new float[10];
            java.util.Arrays.fill(out, -7);
            k.scoreBlock(new float[] {1, 2, 1, 2}, 2, 2, itemsT, stride, 3, out, 1, 5);
            assertEquals("[-7.0, 11.0, 2.0, 0.0, -7.0, -7.0, 11.0, 2.0, 0.0, -7.0]", java.util.Arrays.toString(out), k.name());
        }
    }

    @Test
    void blockKernels_agreeBitForBitWithTheOnePairDot() {
        SplittableRandom r = new SplittableRandom(11);
        for (int d : new int[] {1, 7, 64, 67}) {
            for (int items : new int[] {1, 15, 16, 17, 1030, 2051}) {
                int rows = 6;
                float[] u = new float[rows * d];
                float[] v = new float[items * d];
                for (int k = 0; k < u.length; k++) {
                    u[k] = (float) r.nextGaussian();
                }
                for (int k = 0; k < v.length; k++) {
                    v[k] = (float) r.nextGaussian();
                }
                EmbeddingScorer s = new EmbeddingScorer(u, v, d);
                float[] block = new float[rows * items];
                s.score(new int[] {0, 1, 2, 3, 4, 5}, block);
                for (ScoreKernel k : new ScoreKernel[] {ScoreKernel.scalar(), ScoreKernel.best()}) {
                    int stride = (items + k.lanes() - 1) / k.lanes() * k.lanes();
                    float[] itemsT = new float[d * stride];
                    for (int i = 0; i < items; i++) {
                        for (int j = 0; j < d; j++) {
                            itemsT[j * stride + i] = v[i * d + j];
                        }
                    }
                    float[] out = new float[rows * items];
                    k.scoreBlock(u, rows, d, itemsT, stride, items, out, 0, items);
                    for (int row = 0; row < rows; row++) {
                        for (int i = 0; i < items; i++) {
                            int bits = Float.floatToIntBits(ScoreKernel.dot(u, row * d, v, i * d, d));
                            assertEquals(bits, Float.floatToIntBits(out[row * items + i]),
                                    k.name() + " d " + d + " items " + items + " row " + row + " item " + i);
                            assertEquals(bits, Float.floatToIntBits(block[row * items + i]));
                        }
                    }
                }
            }
        }
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
