package io.recsys4j.gnn.internal.filter;

import io.recsys4j.core.Workers;
import io.recsys4j.gnn.internal.graph.CsrMatrix;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class RandomizedSvdTest {
    static CsrMatrix random(int rows, int cols, double density, long seed) {
        Random rnd = new Random(seed);
        List<int[]> e = new ArrayList<>();
        List<Float> v = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (rnd.nextDouble() < density) {
                    e.add(new int[] {r, c});
                    v.add((float) rnd.nextDouble());
                }
            }
        }
        int[] rr = e.stream().mapToInt(x -> x[0]).toArray();
        int[] cc = e.stream().mapToInt(x -> x[1]).toArray();
        float[] vv = new float[v.size()];
        for (int k = 0; k < vv.length; k++) {
            vv[k] = v.get(k);
        }
        return CsrMatrix.fromCoo(rows, cols, rr, cc, vv);
    }

    /**
     * The dense reference: cyclic Jacobi on AᵀA in double, the library's fallback, which the
     * randomized path (power iterations, Cholesky-QR, Commons Math) does not go through.
     */
    public static double[][] jacobi(double[][] s, double[] evals) {
        return RandomizedSvd.jacobi(s, evals);
    }

    private static void check(CsrMatrix a, int k, int over, int power) {
        float[][] d = a.toDense();
        int n = a.cols();
        double[][] ata = new double[n][n];
        for (float[] row : d) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    ata[i][j] += (double) row[i] * row[j];
                }
            }
        }
        double[] ev = new double[n];
        double[][] q = jacobi(ata, ev);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(ev[y], ev[x]));
        RandomizedSvd.Result r;
        try (Workers w = Workers.of(2)) {
            r = RandomizedSvd.topK(a, k, over, power, 7, w);
        }
        float[] s = r.singularValues();
        float[] v = r.rightVectors();
        for (int j = 0; j < k; j++) {
            double ref = Math.sqrt(Math.max(0, ev[order[j]]));
            assertEquals(ref, s[j], 1e-4 * Math.max(1, ref), "singular value " + j);
            if (j > 0) {
                assertTrue(s[j] <= s[j - 1], "descending");
            }
            // |<v_j, v_ref>| ~ 1 where the value is separated from its neighbours
            double gapPrev = j == 0 ? 1 : Math.sqrt(ev[order[j - 1]]) - ref;
            double gapNext = Math.sqrt(Math.max(0, ev[order[j + 1]]));
            gapNext = ref - gapNext;
            if (Math.min(gapPrev, gapNext) > 1e-2 * Math.max(ref, 1e-9) && ref > 1e-6) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += v[j * n + i] * q[i][order[j]];
                }
                assertEquals(1, Math.abs(dot), 1e-3, "vector " + j);
                // ‖A v_j‖ = σ_j
                double norm = 0;
                for (float[] row : d) {
                    double x = 0;
                    for (int i = 0; i < n; i++) {
                        x += row[i] * v[j * n + i];
                    }
                    norm += x * x;
                }
                assertEquals(ref, Math.sqrt(norm), 1e-4 * Math.max(1, ref));
            }
            for (int jj = 0; jj <= j; jj++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += v[j * n + i] * v[jj * n + i];
                }
                if (ref > 1e-6 && Math.sqrt(Math.max(0, ev[order[jj]])) > 1e-6) {
                    assertEquals(jj == j ? 1 : 0, dot, 1e-4, "orthonormality " + j + "," + jj);
                }
            }
        }
    }

    @Test
    void matchesDenseEigenDecompositionOnRandomSparseMatrices() {
        check(random(60, 40, 0.2, 1), 10, 10, 12);
        check(random(200, 150, 0.05, 2), 20, 16, 12);
        check(random(150, 200, 0.1, 3), 30, 20, 12);
    }

    @Test
    void rankDeficientMatrixGivesZerosNotNaN() {
        // rank 3: every row is one of three patterns
        int rows = 50;
        int cols = 30;
        List<int[]> e = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if ((c % 3) == (r % 3)) {
                    e.add(new int[] {r, c});
                }
            }
        }
        float[] ones = new float[e.size()];
        java.util.Arrays.fill(ones, 1f);
        CsrMatrix a = CsrMatrix.fromCoo(rows, cols, e.stream().mapToInt(x -> x[0]).toArray(),
                e.stream().mapToInt(x -> x[1]).toArray(), ones);
        RandomizedSvd.Result r;
        try (Workers w = Workers.of(2)) {
            r = RandomizedSvd.topK(a, 5, 5, 2, 1, w);
        }
        // Each pattern block: 17 or 16 rows x 10 columns of ones, sigma = sqrt(rows_b * 10).
        assertEquals(Math.sqrt(17 * 10), r.singularValues()[0], 1e-3);
        assertEquals(Math.sqrt(17 * 10), r.singularValues()[1], 1e-3);
        assertEquals(Math.sqrt(16 * 10), r.singularValues()[2], 1e-3);
        for (int j = 3; j < 5; j++) {
            assertEquals(0, r.singularValues()[j], 1e-2);
        }
        for (float x : r.rightVectors()) {
            assertTrue(Float.isFinite(x));
        }
        check(a, 3, 5, 2);
    }

    @Test
    void argumentsAreChecked() {
        CsrMatrix a = random(10, 8, 0.5, 4);
        try (Workers w = Workers.sequential()) {
            assertThrows(IllegalArgumentException.class, () -> RandomizedSvd.topK(a, 0, 2, 1, 1, w));
            assertThrows(IllegalArgumentException.class, () -> RandomizedSvd.topK(a, 7, 2, 1, 1, w));
            assertThrows(IllegalArgumentException.class, () -> RandomizedSvd.topK(a, 3, 2, -1, 1, w));
        }
    }
}
