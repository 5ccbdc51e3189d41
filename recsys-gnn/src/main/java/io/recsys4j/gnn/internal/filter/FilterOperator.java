package io.recsys4j.gnn.internal.filter;

import io.recsys4j.core.Workers;
import io.recsys4j.gnn.internal.graph.CsrMatrix;
import io.recsys4j.gnn.internal.serving.ScoreKernel;
import java.util.Arrays;
import java.util.List;

/**
 * An item-item filter applied to sparse user rows, {@code s = r F}, with
 * <pre>
 *   F = P + Σ_h diag(a_h) T_h diag(c_h) T_hᵀ diag(b_h)
 * </pre>
 * {@code P} sparse ({@code items x items}), each part {@code h} a low-rank product of one of a
 * few dense item tables {@code T} ({@code items x dim}) with a per-item scale before
 * ({@code a}) and after ({@code b}) and a per-component scale {@code c}. Every graph filter of
 * this library has this shape (see {@code GraphFilter}): {@code P} is the linear filter
 * {@code R̃ᵀR̃}, the spectral terms are parts of the singular-vector table (so it is stored
 * once however many terms read it: a one-row request reads it once, which is what bounds its
 * latency), the text term is a part of the text table. {@code P} is held dense only when at
 * least half of it is non-zero (ml-1m's is): a dense row then costs no more memory than the
 * sparse one (4 bytes per entry against 8 per non-zero) and is added with SIMD instead of a
 * scatter; otherwise nothing {@code items x items} is ever dense.
 *
 * <p>One summation order per (row, item), whichever door: part coefficients
 * {@code c_h ∘ Σ_e w_e a_h[i_e] T[i_e]} summed over the row's entries in order; then
 * {@code s = 0; s += b_h[item] · (coefficients · T[item])} for the parts in order, each dot
 * product in the {@link ScoreKernel} order; then {@code s += w_e * P[i_e, item]} for the row's
 * entries in order, skipping entries where a sparse {@code P} is zero (a dense one adds its
 * zeros, in every door). So a block, one row and one pair give the same float.
 *
 * <p>Immutable; concurrent calls are safe.
 */
public final class FilterOperator {
    private static final int TILE = 24;   // four of the kernel's six-user tiles

    /**
     * One low-rank part {@code diag(pre) T diag(scale) Tᵀ diag(post)}.
     *
     * @param table index of its table
     * @param pre per-item scale of the row's entries, or null for ones
     * @param scale per-component scale, the table's width
     * @param post per-item scale of the scores, or null for ones
     */
    public record Part(int table, float[] pre, float[] scale, float[] post) {
    }

    private final int n;
    private final CsrMatrix p;    // null when held dense
    private final float[] dense;  // [n x n] copy of P, or null
    private final float[][] rowMajor;   // per table [n x dim]
    private final int[] dims;
    private final ChunkedTable[] chunked;
    private final Part[][] parts;       // per table, in order
    private final ScoreKernel kernel = ScoreKernel.best();
    private final ThreadLocal<float[][]> scratch = ThreadLocal.withInitial(() -> new float[2][0]);

    /** The linear filter alone: {@code F = P}. */
    public FilterOperator(CsrMatrix p) {
        this(p, List.of(), new int[0], List.of());
    }

    /**
     * @param p the sparse part, {@code items x items}
     * @param tables row-major {@code [items x dims[t]]} tables, kept (not copied)
     * @param parts the low-rank parts, in summation order, by ascending table
     */
    public FilterOperator(CsrMatrix p, List<float[]> tables, int[] dims, List<Part> parts) {
        if (p.rows() != p.cols() || tables.size() != dims.length) {
            throw new IllegalArgumentException("filter parts of inconsistent shapes");
        }
        this.n = p.rows();
        this.dims = dims.clone();
        this.rowMajor = tables.toArray(new float[0][]);
        this.chunked = new ChunkedTable[rowMajor.length];
        this.parts = new Part[rowMajor.length][];
        for (int q = 0; q < parts.size(); q++) {
            Part h = parts.get(q);
            int t = h.table();
            if (t < 0 || t >= rowMajor.length || (q > 0 && t < parts.get(q - 1).table())) {
                throw new IllegalArgumentException("part " + q + " names table " + t
                        + ": tables must exist and their parts come in table order");
            }
            if (h.scale().length != dims[t] || (h.pre() != null && h.pre().length != n)
                    || (h.post() != null && h.post().length != n)) {
                throw new IllegalArgumentException("part " + q + " does not match table " + t + "'s shape");
            }
        }
        for (int t = 0; t < rowMajor.length; t++) {
            if (rowMajor[t].length != (long) n * dims[t]) {
                throw new IllegalArgumentException("table " + t + " is not items x " + dims[t]);
            }
            int table = t;
            this.parts[t] = parts.stream().filter(h -> h.table() == table).toArray(Part[]::new);
            this.chunked[t] = new ChunkedTable(rowMajor[t], n, dims[t], 0, dims[t]);
        }
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

    /**
     * Scores {@code rows} sparse rows: row {@code r} has entries {@code start[r] .. start[r+1])}
     * of {@code item}/{@code weight}; writes {@code out[outOff + r * items + i]}.
     */
    public void score(int rows, int[] start, int[] item, float[] weight, float[] out, int outOff, Workers workers) {
        int tasks = (rows + TILE - 1) / TILE;
        workers.run(tasks, t -> {
            int r0 = t * TILE;
            int r1 = Math.min(rows, r0 + TILE);
            int tr = r1 - r0;
            for (int r = r0; r < r1; r++) {
                Arrays.fill(out, outOff + r * n, outOff + (r + 1) * n, 0f);
            }
            for (int tb = 0; tb < chunked.length; tb++) {
                Part[] hs = parts[tb];
                int h = hs.length;
                if (h == 0) {
                    continue;
                }
                int dim = dims[tb];
                float[] coef = buffer(0, tr * h * dim);
                for (int r = r0; r < r1; r++) {
                    coefficients(tb, item, weight, start[r], start[r + 1], coef, (r - r0) * h * dim);
                }
                float[] x = buffer(1, tr * h * n);
                ChunkedTable table = chunked[tb];
                if (tasks == 1 && workers.threads() > 1) {
                    // one request: its table pass is memory-bound, so the items are split over the threads
                    workers.run(workers.threads(), part -> table.score(coef, tr * h, x, 0, n, part, workers.threads()));
                } else {
                    table.score(coef, tr * h, x, 0, n);
                }
                for (int r = 0; r < tr; r++) {
                    int o = outOff + (r0 + r) * n;
                    for (int q = 0; q < h; q++) {
                        float[] post = hs[q].post();
                        int xo = (r * h + q) * n;
                        if (post == null) {
                            for (int i = 0; i < n; i++) {
                                out[o + i] += x[xo + i];
                            }
                        } else {
                            for (int i = 0; i < n; i++) {
                                out[o + i] += post[i] * x[xo + i];
                            }
                        }
                    }
                }
            }
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

    /** This thread's buffer {@code slot}, at least {@code size} long (contents undefined). */
    private float[] buffer(int slot, int size) {
        float[][] b = scratch.get();
        if (b[slot].length < size) {
            b[slot] = new float[size];
        }
        return b[slot];
    }

    /**
     * The coefficients of table {@code tb}'s parts for one row, part after part:
     * {@code out[off + q * dim + j] = scale_q[j] · Σ_e weight[e] pre_q[item[e]] T[item[e], j]}, entries in order.
     */
    private void coefficients(int tb, int[] item, float[] weight, int from, int to, float[] out, int off) {
        Part[] hs = parts[tb];
        int dim = dims[tb];
        float[] t = rowMajor[tb];
        Arrays.fill(out, off, off + hs.length * dim, 0f);
        for (int e = from; e < to; e++) {
            int ti = item[e] * dim;
            for (int q = 0; q < hs.length; q++) {
                float[] pre = hs[q].pre();
                float we = pre == null ? weight[e] : weight[e] * pre[item[e]];
                int o = off + q * dim;
                for (int j = 0; j < dim; j++) {
                    out[o + j] += we * t[ti + j];
                }
            }
        }
        for (int q = 0; q < hs.length; q++) {
            float[] scale = hs[q].scale();
            int o = off + q * dim;
            for (int j = 0; j < dim; j++) {
                out[o + j] *= scale[j];
            }
        }
    }

    /** One row's score for one item, in the order of the class comment (bit-equal to {@link #score}). */
    public float score(int[] item, float[] weight, int from, int to, int target) {
        float s = 0f;
        for (int tb = 0; tb < chunked.length; tb++) {
            Part[] hs = parts[tb];
            if (hs.length == 0) {
                continue;
            }
            int dim = dims[tb];
            float[] coef = new float[hs.length * dim];
            coefficients(tb, item, weight, from, to, coef, 0);
            for (int q = 0; q < hs.length; q++) {
                float x = ScoreKernel.dot(coef, q * dim, rowMajor[tb], target * dim, dim);
                float[] post = hs[q].post();
                s += post == null ? x : post[target] * x;
            }
        }
        for (int e = from; e < to; e++) {
            float v = sparse(item[e], target);
            // a dense block adds its zeros too; adding them here keeps even the sign of a zero equal
            if (v != 0f || dense != null) {
                s += weight[e] * v;
            }
        }
        return s;
    }

    /** {@code F[i, j]} in double: the exact weight of item i's column in item j's score. */
    public double entry(int i, int j) {
        double s = sparse(i, j);
        for (int tb = 0; tb < chunked.length; tb++) {
            int dim = dims[tb];
            float[] t = rowMajor[tb];
            for (Part h : parts[tb]) {
                double dot = 0;
                for (int q = 0; q < dim; q++) {
                    dot += (double) h.scale()[q] * t[i * dim + q] * t[j * dim + q];
                }
                s += (h.pre() == null ? 1 : h.pre()[i]) * dot * (h.post() == null ? 1 : h.post()[j]);
            }
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
