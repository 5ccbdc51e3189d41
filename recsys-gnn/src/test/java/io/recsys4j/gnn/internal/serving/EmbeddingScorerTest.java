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
}
