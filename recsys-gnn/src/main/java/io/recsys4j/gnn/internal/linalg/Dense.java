package io.recsys4j.gnn.internal.linalg;

/**
 * The small dense products of a fusion layer, on row-major heap arrays, written so that the
 * innermost loop is an axpy over a contiguous row (which the JIT vectorises): no copies into
 * and out of ND4J for matrices of a few thousand rows and 64 columns, where the copies and the
 * per-call overhead cost more than the arithmetic.
 */
public final class Dense {
    private Dense() {
    }

    /** {@code out (+)= a · b}: a is rows x inner, b is inner x cols. */
    public static void mul(float[] a, int rows, int inner, float[] b, int cols, float[] out, boolean accumulate) {
        if (!accumulate) {
            java.util.Arrays.fill(out, 0, rows * cols, 0f);
        }
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            int ar = r * inner;
            for (int i = 0; i < inner; i++) {
                float s = a[ar + i];
                if (s == 0f) {
                    continue;
                }
                int br = i * cols;
                for (int c = 0; c < cols; c++) {
                    out[o + c] += s * b[br + c];
                }
            }
        }
    }

    /** {@code out += aᵀ · b}: a is rows x m, b is rows x k, out is m x k. */
    public static void mulTransA(float[] a, int rows, int m, float[] b, int k, float[] out) {
        for (int r = 0; r < rows; r++) {
            int ar = r * m;
            int br = r * k;
            for (int j = 0; j < m; j++) {
                float s = a[ar + j];
                if (s == 0f) {
                    continue;
                }
                int o = j * k;
                for (int c = 0; c < k; c++) {
                    out[o + c] += s * b[br + c];
                }
            }
        }
    }

    /** The {@code rows x cols} block at {@code (0, col0)} of a row-major matrix with {@code stride} columns, transposed. */
    public static float[] transposedBlock(float[] m, int offset, int rows, int cols, int stride, int col0) {
        float[] t = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[offset + r * stride + col0 + c];
            }
        }
        return t;
    }

    /** The {@code rows x cols} block at {@code (0, col0)}, as is. */
    public static float[] block(float[] m, int offset, int rows, int cols, int stride, int col0) {
        float[] t = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(m, offset + r * stride + col0, t, r * cols, cols);
        }
        return t;
    }
}
