package io.recsys4j.gnn.internal.propagation;

import io.recsys4j.gnn.internal.graph.CsrMatrix;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The kernel on the JDK's Vector API: four vector accumulators stay in registers while a
 * row's neighbours stream through, one fused multiply-add per vector of each neighbour row.
 * Loaded only by {@link RowKernel#best} when the incubator module is present, so the scalar
 * path never links against it.
 *
 * <p>The masked and unmasked loops are separate methods on purpose: with one method and a
 * branch on the mask, C2 recompiled the loop once both cases had run and it fell to a fifth
 * of its speed.
 */
final class SimdRowKernel extends RowKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    void rows(CsrMatrix m, float[] x, boolean[] nonZero, float[] y, int d, int from, int to, float[] sum, float scale) {
        float[] acc = new float[d];
        for (int r = from; r < to; r++) {
            if (nonZero == null) {
                row(m, x, d, r, acc);
            } else {
                maskedRow(m, x, nonZero, d, r, acc);
            }
            writeRow(acc, r, d, y, sum, scale);
        }
    }

    private static void row(CsrMatrix m, float[] x, int d, int r, float[] acc) {
        int[] col = m.colIndex();
        float[] val = m.values();
        int start = m.rowStart()[r];
        int end = m.rowStart()[r + 1];
        int j = 0;
        for (; j + 4 * L <= d; j += 4 * L) {
            FloatVector a0 = FloatVector.zero(S);
            FloatVector a1 = FloatVector.zero(S);
            FloatVector a2 = FloatVector.zero(S);
            FloatVector a3 = FloatVector.zero(S);
            for (int k = start; k < end; k++) {
                FloatVector w = FloatVector.broadcast(S, val[k]);
                int b = col[k] * d + j;
                a0 = FloatVector.fromArray(S, x, b).fma(w, a0);
                a1 = FloatVector.fromArray(S, x, b + L).fma(w, a1);
                a2 = FloatVector.fromArray(S, x, b + 2 * L).fma(w, a2);
                a3 = FloatVector.fromArray(S, x, b + 3 * L).fma(w, a3);
            }
            a0.intoArray(acc, j);
            a1.intoArray(acc, j + L);
            a2.intoArray(acc, j + 2 * L);
            a3.intoArray(acc, j + 3 * L);
        }
        for (; j + L <= d; j += L) {
            FloatVector a = FloatVector.zero(S);
            for (int k = start; k < end; k++) {
                a = FloatVector.fromArray(S, x, col[k] * d + j).fma(FloatVector.broadcast(S, val[k]), a);
            }
            a.intoArray(acc, j);
        }
        if (j < d) {
            Arrays.fill(acc, j, d, 0f);
            for (int k = start; k < end; k++) {
                int b = col[k] * d;
                for (int t = j; t < d; t++) {
                    acc[t] = Math.fma(val[k], x[b + t], acc[t]);
                }
            }
        }
    }

    /** As {@link #row}, skipping input rows not marked in {@code nonZero}. */
    private static void maskedRow(CsrMatrix m, float[] x, boolean[] nonZero, int d, int r, float[] acc) {
        int[] col = m.colIndex();
        float[] val = m.values();
        int start = m.rowStart()[r];
        int end = m.rowStart()[r + 1];
        int j = 0;
        for (; j + 4 * L <= d; j += 4 * L) {
            FloatVector a0 = FloatVector.zero(S);
            FloatVector a1 = FloatVector.zero(S);
            FloatVector a2 = FloatVector.zero(S);
            FloatVector a3 = FloatVector.zero(S);
            for (int k = start; k < end; k++) {
                int c = col[k];
                if (nonZero[c]) {
                    FloatVector w = FloatVector.broadcast(S, val[k]);
                    int b = c * d + j;
                    a0 = FloatVector.fromArray(S, x, b).fma(w, a0);
                    a1 = FloatVector.fromArray(S, x, b + L).fma(w, a1);
                    a2 = FloatVector.fromArray(S, x, b + 2 * L).fma(w, a2);
                    a3 = FloatVector.fromArray(S, x, b + 3 * L).fma(w, a3);
                }
            }
            a0.intoArray(acc, j);
            a1.intoArray(acc, j + L);
            a2.intoArray(acc, j + 2 * L);
            a3.intoArray(acc, j + 3 * L);
        }
        for (; j + L <= d; j += L) {
            FloatVector a = FloatVector.zero(S);
            for (int k = start; k < end; k++) {
                int c = col[k];
                if (nonZero[c]) {
                    a = FloatVector.fromArray(S, x, c * d + j).fma(FloatVector.broadcast(S, val[k]), a);
                }
            }
            a.intoArray(acc, j);
        }
        if (j < d) {
            Arrays.fill(acc, j, d, 0f);
            for (int k = start; k < end; k++) {
                int c = col[k];
                if (nonZero[c]) {
                    for (int t = j; t < d; t++) {
                        acc[t] = Math.fma(val[k], x[c * d + t], acc[t]);
                    }
                }
            }
        }
    }

    @Override
    String name() {
        return "simd" + L * 32;
    }
}
