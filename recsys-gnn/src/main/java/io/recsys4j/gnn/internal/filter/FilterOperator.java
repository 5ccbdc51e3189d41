package io.recsys4j.gnn.internal.filter;

import io.recsys4j.core.Workers;
import io.recsys4j.gnn.internal.graph.CsrMatrix;
import io.recsys4j.gnn.internal.serving.ScoreKernel;

/**
 * An item-item filter {@code F = P + C Wᵀ} applied to sparse user rows: {@code s = r F}, with
 * {@code P} sparse ({@code items x items}) and {@code C}, {@code W} dense {@code items x m}.
 * Every graph filter of this library has this shape (see {@code GraphFilter}): {@code P} is
 * the linear filter {@code R̃ᵀR̃}, the low-rank part carries the spectral terms and the text
 * term. {@code P} is held dense only when at least half of it is non-zero (ml-1m's is): a
 * dense row then costs no more memory than the sparse one (4 bytes per entry against 8 per
 * non-zero) and is added with SIMD instead of a scatter; otherwise nothing {@code items x items}
 * is ever dense.
 *
 * <p>One summation order per (row, item), whichever door: {@code s = fma-chain over m of
 * (r C)_j W_ij} (the {@link ScoreKernel} order), then {@code s += w_e * P[i_e, item]} for the
 * row's entries {@code e} in the order given, skipping entries where a sparse {@code P} is zero
 * (a dense one adds its zeros, in every door). So a block, one row and one pair give the
 * same float.
 *
 * <p>Immutable; concurrent calls are safe.
 */
public final class FilterOperator {
    private final int n;
    private final CsrMatrix p;    // null when held dense
    private final int m;
    private final float[] c;      // [n x m]
    private final float[] w;      // [n x m]
    private final ChunkedTable table;
    private final float[] dense;  // [n x n] copy of P, or null
    private final ScoreKernel kernel = ScoreKernel.best();

    /**
     * @param p the sparse part, {@code items x items}
     * @param c row-major {@code [items x m]}, kept (not copied)
     * @param w row-major {@code [items x m]}, kept (not copied)
     */
    public FilterOperator(CsrMatrix p, float[] c, float[] w, int m) {
        if (p.rows() != p.cols() || c.length != (long) p.rows() * m || w.length != c.length) {
            throw new IllegalArgumentException("filter parts of inconsistent shapes");
        }
        this.n = p.rows();
        this.m = m;
        this.c = c;
        this.w = w;
        this.table = new ChunkedTable(w, n, m, 0, m);
        this.dense = 2L * p.nonZeros() >= (long) n * n && (long) n * n <= Integer.MAX_VALUE - 8 ? densify(p) : null;
        this.p = dense == null ? p : null;
    }

    private static float[] densify(CsrMatrix p) {
        int n = p.rows();
        float[] d = new float[n * n];
        int[] rs = p.rowStart();
        int[] col = p.colIndex();
        float[] val = p.values();
        for (int i = 0; i < n; i++) {
            for (int q = rs[i]; q < rs[i + 1]; q++) {
                d[i * n + col[q]] = val[q];
            }
        }
        return d;
    }

    public int numItems() {
        return n;
    }

    public int width() {
        return m;
    }

    /**
     * Scores {@code rows} sparse rows: row {@code r} has entries {@code start[r] .. start[r+1])}
     * of {@code item}/{@code weight}; writes {@code out[outOff + r * items + i]}.
     */
    public void score(int rows, int[] start, int[] item, float[] weight, float[] out, int outOff, Workers workers) {
        int tile = 16;
        int tasks = (rows + tile - 1) / tile;
        workers.run(tasks, t -> {
            int r0 = t * tile;
            int r1 = Math.min(rows, r0 + tile);
            float[] coef = new float[(r1 - r0) * m];
            for (int r = r0; r < r1; r++) {
                coefficients(item, weight, start[r], start[r + 1], coef, (r - r0) * m);
            }
            int base = outOff + r0 * n;
            table.score(coef, r1 - r0, out, base, n);
            for (int r = r0; r < r1; r++) {
                int o = outOff + r * n;
                if (dense != null) {
                    for (int e = start[r]; e < start[r + 1]; e++) {
                        kernel.axpy(weight[e], dense, item[e] * n, out, o, n);
                    }
                    continue;
                }
                int[] rs = p.rowStart();
                int[] col = p.colIndex();
                float[] val = p.values();
                for (int e = start[r]; e < start[r + 1]; e++) {
                    float we = weight[e];
                    int i = item[e];
                    for (int q = rs[i]; q < rs[i + 1]; q++) {
                        out[o + col[q]] += we * val[q];
                    }
                }
            }
        });
    }

    /** {@code out[off..off+m) = Σ_e weight[e] · C[item[e], :]}, entries in order. */
    public void coefficients(int[] item, float[] weight, int from, int to, float[] out, int off) {
        java.util.Arrays.fill(out, off, off + m, 0f);
        for (int e = from; e < to; e++) {
            float we = weight[e];
            int ci = item[e] * m;
            for (int j = 0; j < m; j++) {
                out[off + j] += we * c[ci + j];
            }
        }
    }

    /** One row's score for one item, in the order of the class comment (bit-equal to {@link #score}). */
    public float score(int[] item, float[] weight, int from, int to, int target) {
        float[] coef = new float[m];
        coefficients(item, weight, from, to, coef, 0);
        float s = ScoreKernel.dot(coef, 0, w, target * m, m);
        for (int e = from; e < to; e++) {
            float v = sparse(item[e], target);
            // a dense block adds its zeros too; adding them here keeps even the sign of a zero equal
            if (v != 0f || dense != null) {
                s += weight[e] * v;
            }
        }
        return s;
    }

    /** {@code F[i, j] = P[i, j] + C[i]·W[j]}, in double: the exact weight of item i's column in item j's score. */
    public double entry(int i, int j) {
        double s = sparse(i, j);
        for (int q = 0; q < m; q++) {
            s += (double) c[i * m + q] * w[j * m + q];
        }
        return s;
    }

    private float sparse(int i, int j) {
        if (dense != null) {
            return dense[i * n + j];
        }
        int[] rs = p.rowStart();
        int q = java.util.Arrays.binarySearch(p.colIndex(), rs[i], rs[i + 1], j);
        return q >= 0 ? p.values()[q] : 0f;
    }
}
