package io.recsys4j.gnn.internal.filter;

import io.recsys4j.gnn.internal.serving.ScoreKernel;

/**
 * A wide item table ({@code items x dim}, dim in the hundreds) stored transposed in chunks of
 * {@link #CHUNK} items, each chunk contiguous ({@code [dim x CHUNK]}): the kernel walks all
 * {@code dim} rows of one chunk per tile, and with one long transposed table those rows sit
 * a page or more apart (a TLB miss per component); contiguous chunks measured 1.6x faster at
 * dim 512. Scores keep {@link ScoreKernel}'s one summation order per pair.
 */
public final class ChunkedTable {
    /** Items per chunk: 512 components x 128 items x 4 bytes = 256 KiB, an L2's worth. */
    static final int CHUNK = 128;

    private final int n;
    private final int dim;
    private final float[][] chunks;
    private final ScoreKernel kernel = ScoreKernel.best();

    /** From row-major {@code w [items x dim]}, columns {@code from .. from+dim) of rows of width {@code width}. */
    public ChunkedTable(float[] w, int items, int width, int from, int dim) {
        this.n = items;
        this.dim = dim;
        int c = (items + CHUNK - 1) / CHUNK;
        this.chunks = new float[c][];
        for (int k = 0; k < c; k++) {
            int i0 = k * CHUNK;
            int len = Math.min(CHUNK, items - i0);
            float[] t = new float[Math.max(1, dim) * CHUNK];
            for (int i = 0; i < len; i++) {
                int o = (i0 + i) * width + from;
                for (int j = 0; j < dim; j++) {
                    t[j * CHUNK + i] = w[o + j];
                }
            }
            chunks[k] = t;
        }
    }

    public int dim() {
        return dim;
    }

    /** {@code out[outOff + r * outStride + i] = users[r] · row_i} for every item, in the kernel's order. */
    public void score(float[] users, int rows, float[] out, int outOff, int outStride) {
        score(users, rows, out, outOff, outStride, 0, 1);
    }

    /**
     * As {@link #score(float[], int, float[], int, int)} for part {@code part} of {@code parts}
     * of the items (whole chunks; the parts together cover every item once), so one user's
     * scores can be split over threads.
     */
    public void score(float[] users, int rows, float[] out, int outOff, int outStride, int part, int parts) {
        int from = (int) ((long) chunks.length * part / parts);
        int to = (int) ((long) chunks.length * (part + 1) / parts);
        if (dim == 0) {
            for (int r = 0; r < rows; r++) {
                int o = outOff + r * outStride;
                java.util.Arrays.fill(out, o + Math.min(n, from * CHUNK), o + Math.min(n, to * CHUNK), 0f);
            }
            return;
        }
        for (int k = from; k < to; k++) {
            int i0 = k * CHUNK;
            kernel.scoreBlock(users, rows, dim, chunks[k], CHUNK, Math.min(CHUNK, n - i0), out, outOff + i0, outStride);
        }
    }
}
