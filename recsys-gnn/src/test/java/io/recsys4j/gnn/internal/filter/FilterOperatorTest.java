package io.recsys4j.gnn.internal.filter;

import io.recsys4j.core.Workers;
import io.recsys4j.gnn.internal.graph.CsrMatrix;
import io.recsys4j.gnn.internal.serving.ScoreKernel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

public class FilterOperatorTest {
    /**
     * Both storages of {@code P} (sparse below half full, dense above): the block, one pair and
     * the double-precision entry agree, so the tuner, serving and explanations see one filter.
     */
    @Test
    void blockScoresEqualOnePairAndTheDenseFormula_sparseAndDenseP() {
        Random rnd = new Random(11);
        for (double density : new double[] {0.15, 0.9}) {
            int n = 37;
            int m = 5;
            CsrMatrix p = RandomizedSvdTest.random(n, n, density, rnd.nextLong());
            float[] c = new float[n * m];
            float[] w = new float[n * m];
            for (int k = 0; k < c.length; k++) {
                c[k] = (float) rnd.nextGaussian();
                w[k] = (float) rnd.nextGaussian();
            }
            FilterOperator f = new FilterOperator(p, c, w, m);
            float[][] pd = p.toDense();
            int rows = 19;
            int[] start = new int[rows + 1];
            List<Integer> items = new ArrayList<>();
            List<Float> weights = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < n; i++) {
                    if (rnd.nextDouble() < 0.2) {
                        items.add(i);
                        weights.add((float) rnd.nextDouble());
                    }
                }
                start[r + 1] = items.size();
            }
            int[] item = items.stream().mapToInt(Integer::intValue).toArray();
            float[] weight = new float[weights.size()];
            for (int k = 0; k < weight.length; k++) {
                weight[k] = weights.get(k);
            }
            float[] out = new float[rows * n];
            f.score(rows, start, item, weight, out, 0, Workers.of(2));
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < n; j++) {
                    double ref = 0;
                    for (int e = start[r]; e < start[r + 1]; e++) {
                        double lowRank = 0;
                        for (int q = 0; q < m; q++) {
                            lowRank += (double) c[item[e] * m + q] * w[j * m + q];
                        }
                        ref += weight[e] * (pd[item[e]][j] + lowRank);
                        assertEquals(pd[item[e]][j] + lowRank, f.entry(item[e], j), 1e-5);
                    }
                    float block = out[r * n + j];
                    assertEquals(Float.floatToIntBits(f.score(item, weight, start[r], start[r + 1], j)),
                            Float.floatToIntBits(block), "density " + density + " row " + r + " item " + j);
                    assertEquals(ref, block, 1e-4, "density " + density + " row " + r + " item " + j);
                }
            }
        }
    }

    @Test
    void simdAxpy_isBitEqualToTheScalarProductThenSum() {
        Random rnd = new Random(5);
        for (int len : new int[] {0, 1, 7, 16, 33, 130}) {
            float[] x = new float[len + 3];
            float[] y1 = new float[len + 5];
            for (int k = 0; k < x.length; k++) {
                x[k] = (float) rnd.nextGaussian();
            }
            for (int k = 0; k < y1.length; k++) {
                y1[k] = (float) rnd.nextGaussian();
            }
            float[] y2 = y1.clone();
            float a = (float) rnd.nextGaussian();
            ScoreKernel.best().axpy(a, x, 3, y1, 2, len);
            for (int i = 0; i < len; i++) {
                y2[2 + i] += a * x[3 + i];
            }
            for (int k = 0; k < y1.length; k++) {
                assertEquals(Float.floatToIntBits(y2[k]), Float.floatToIntBits(y1[k]), "length " + len + " at " + k);
            }
        }
    }
}
