package io.recsys4j.gnn.internal.propagation;

import io.recsys4j.gnn.internal.graph.CsrMatrix;
import java.util.Arrays;

/**
 * The portable kernel. JDK 17's C2 does not vectorise the gather-accumulate loop (it cannot
 * rule out that the accumulator aliases the gathered row), so the loop takes four neighbours
 * at a time to keep more loads in flight.
 */
final class ScalarRowKernel extends RowKernel {
    @Override
    void rows(CsrMatrix m, float[] x, boolean[] nonZero, float[] y, int d, int from, int to, float[] sum, float scale) {
        int[] rs = m.rowStart();
        int[] col = m.colIndex();
        float[] val = m.values();
        float[] acc = new float[d];
        for (int r = from; r < to; r++) {
            Arrays.fill(acc, 0f);
            int k = rs[r];
            int end = rs[r + 1];
            if (nonZero == null) {
                for (; k + 3 < end; k += 4) {
                    float w0 = val[k];
                    float w1 = val[k + 1];
                    float w2 = val[k + 2];
                    float w3 = val[k + 3];
                    int b0 = col[k] * d;
                    int b1 = col[k + 1] * d;
                    int b2 = col[k + 2] * d;
                    int b3 = col[k + 3] * d;
                    for (int j = 0; j < d; j++) {
                        acc[j] += w0 * x[b0 + j] + w1 * x[b1 + j] + w2 * x[b2 + j] + w3 * x[b3 + j];
                    }
                }
            }
            for (; k < end; k++) {
                int c = col[k];
                if (nonZero != null && !nonZero[c]) {
                    continue;
                }
                float w = val[k];
                int b = c * d;
                for (int j = 0; j < d; j++) {
                    acc[j] += w * x[b + j];
                }
            }
            writeRow(acc, r, d, y, sum, scale);
        }
    }

    @Override
    String name() {
        return "scalar";
    }
}
