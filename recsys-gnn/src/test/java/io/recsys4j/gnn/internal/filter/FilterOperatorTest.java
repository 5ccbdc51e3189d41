package io.recsys4j.gnn.internal.filter;

import io.recsys4j.core.Workers;
import io.recsys4j.gnn.internal.graph.CsrMatrix;
import io.recsys4j.gnn.internal.serving.ScoreKernel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

public class FilterOperatorTest {
    /**
     * Both storages of {@code P} (sparse below half full, dense above), two parts sharing one
     * table (one with item scales before and after) and a part of a second table: the block,
     * one pair and the double-precision entry agree with the formula, so the tuner, serving
     * and explanations see one filter.
     */
    @Test
    void blockScoresEqualOnePairAndTheDenseFormula_sparseAndDenseP() {
        Random rnd = new Random(11);
        for (double density : new double[] {0.15, 0.9}) {
            int n = 37;
            int[] dims = {5, 3};
            CsrMatrix p = RandomizedSvdTest.random(n, n, density, rnd.nextLong());
            float[][] t = {gaussian(rnd, n * dims[0]), gaussian(rnd, n * dims[1])};
            List<FilterOperator.Part> parts = List.of(
                    new FilterOperator.Part(0, null, gaussian(rnd, dims[0]), null),
                    new FilterOperator.Part(0, gaussian(rnd, n), gaussian(rnd, dims[0]), gaussian(rnd, n)),
                    new FilterOperator.Part(1, null, gaussian(rnd, dims[1]), null));
            FilterOperator f = new FilterOperator(p, List.of(t), dims, parts);
            float[][] pd = p.toDense();
            int rows = 29;   // a full tile of 24 and a partial one
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
                        int i = item[e];
                        double lowRank = 0;
                        for (FilterOperator.Part h : parts) {
                            int d = dims[h.table()];
                            double dot = 0;
                            for (int q = 0; q < d; q++) {
                                dot += (double) h.scale()[q] * t[h.table()][i * d + q] * t[h.table()][j * d + q];
                            }
                            lowRank += (h.pre() == null ? 1 : h.pre()[i]) * dot * (h.post() == null ? 1 : h.post()[j]);
                        }
                        ref += weight[e] * (pd[i][j] + lowRank);
                        assertEquals(pd[i][j] + lowRank, f.entry(i, j), 1e-5);
                    }
                    float block = out[r * n + j];
                    assertEquals(Float.floatToIntBits(f.score(item, weight, start[r], start[r + 1], j)),
                            Float.floatToIntBits(block), "density " + density + " row " + r + " item " + j);
                    assertEquals(ref, block, 1e-4, "density " + density + " row " + r + " item " + j);
                }
            }
        }
    }

    /** One row over three item chunks, split across two threads: the same bits as the one-pair door. */
    @Test
    void oneRowSplitOverThreads_isBitEqualToOnePair() {
        Random rnd = new Random(4);
        int n = 300;
        CsrMatrix p = RandomizedSvdTest.random(n, n, 0.05, 9);
        FilterOperator f = new FilterOperator(p, List.of(gaussian(rnd, n * 4)), new int[] {4}, List.of(
                new FilterOperator.Part(0, null, gaussian(rnd, 4), null),
                new FilterOperator.Part(0, gaussian(rnd, n), gaussian(rnd, 4), gaussian(rnd, n))));
        int[] item = {3, 77, 150, 299};
        float[] weight = {1f, 0.5f, 2f, 1f};
        float[] out = new float[n];
        try (Workers w = Workers.of(2)) {
            f.score(1, new int[] {0, item.length}, item, weight, out, 0, w);
        }
        for (int j = 0; j < n; j++) {
            assertEquals(Float.floatToIntBits(f.score(item, weight, 0, item.length, j)), Float.floatToIntBits(out[j]),
                    "item " + j);
        }
    }

    @Test
    void partsOutOfOrderOrOfTheWrongWidth_areRefused() {
        Random rnd = new Random(3);
        CsrMatrix p = RandomizedSvdTest.random(6, 6, 0.5, 1);
        List<float[]> t = List.of(gaussian(rnd, 12), gaussian(rnd, 6));
        int[] dims = {2, 1};
        FilterOperator.Part a = new FilterOperator.Part(0, null, gaussian(rnd, 2), null);
        FilterOperator.Part b = new FilterOperator.Part(1, null, gaussian(rnd, 1), null);
        assertThrows(IllegalArgumentException.class, () -> new FilterOperator(p, t, dims, List.of(b, a)));
        assertThrows(IllegalArgumentException.class,
                () -> new FilterOperator(p, t, dims, List.of(new FilterOperator.Part(0, null, gaussian(rnd, 3), null))));
        assertThrows(IllegalArgumentException.class,
                () -> new FilterOperator(p, t, dims, List.of(new FilterOperator.Part(2, null, gaussian(rnd, 1), null))));
    }

    /** The scalar kernel's rows (one, two, six at a time) and item remainders give the SIMD kernel's bits. */
    @Test
    void simdBlockScores_areBitEqualToTheScalarDot_forEveryTileShape() {
        Random rnd = new Random(8);
        for (int rows : new int[] {1, 2, 3, 5, 6, 7, 13}) {
            for (int items : new int[] {1, 8, 17, 40, 77}) {
                int dim = 9;
                int stride = (items + 7) / 8 * 8 + 32;
                float[] users = gaussian(rnd, rows * dim);
                float[] t = new float[dim * stride];
                for (int j = 0; j < dim; j++) {
                    for (int i = 0; i < items; i++) {
                        t[j * stride + i] = (float) rnd.nextGaussian();
                    }
                }
                float[] out = new float[rows * items];
                ScoreKernel.best().scoreBlock(users, rows, dim, t, stride, items, out, 0, items);
                for (int r = 0; r < rows; r++) {
                    for (int i = 0; i < items; i++) {
                        float s = 0f;
                        for (int j = 0; j < dim; j++) {
                            s = Math.fma(users[r * dim + j], t[j * stride + i], s);
                        }
                        assertEquals(Float.floatToIntBits(s), Float.floatToIntBits(out[r * items + i]),
                                rows + " rows, " + items + " items: row " + r + " item " + i);
                    }
                }
            }
        }
    }

    private static float[] gaussian(Random rnd, int len) {
        float[] x = new float[len];
        for (int k = 0; k < len; k++) {
            x[k] = (float) rnd.nextGaussian();
        }
        return x;
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
