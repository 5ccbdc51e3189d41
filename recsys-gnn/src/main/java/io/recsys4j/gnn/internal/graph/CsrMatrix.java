package io.recsys4j.gnn.internal.graph;

import java.util.Arrays;

/**
 * An immutable sparse matrix in compressed sparse row form: row {@code r} holds columns
 * {@code col[rowStart[r] .. rowStart[r+1])}, sorted ascending, with values {@code val}.
 * ND4J 1.0.0-M2.1 has no sparse arrays, so propagation kernels read these arrays directly.
 */
public final class CsrMatrix {
    private final int rows;
    private final int cols;
    private final int[] rowStart;
    private final int[] col;
    private final float[] val;

    private CsrMatrix(int rows, int cols, int[] rowStart, int[] col, float[] val) {
        this.rows = rows;
        this.cols = cols;
        this.rowStart = rowStart;
        this.col = col;
        this.val = val;
    }

    /**
     * Wraps arrays already in CSR form (not copied: the caller hands them over). Columns
     * of each row must be strictly increasing.
     *
     * @throws IllegalArgumentException if the arrays are inconsistent
     */
    public static CsrMatrix ofRows(int rows, int cols, int[] rowStart, int[] col, float[] val) {
        if (rowStart.length != rows + 1 || rowStart[0] != 0 || rowStart[rows] != col.length || col.length != val.length) {
            throw new IllegalArgumentException("inconsistent CSR arrays for " + rows + " x " + cols);
        }
        for (int r = 0; r < rows; r++) {
            for (int p = rowStart[r]; p < rowStart[r + 1]; p++) {
                if (col[p] < 0 || col[p] >= cols || (p > rowStart[r] && col[p] <= col[p - 1])) {
                    throw new IllegalArgumentException("row " + r + ": columns not strictly increasing within 0.." + (cols - 1));
                }
            }
        }
        return new CsrMatrix(rows, cols, rowStart, col, val);
    }

    /**
     * Builds the matrix from coordinate triples; repeated coordinates are summed.
     *
     * @throws IllegalArgumentException if lengths differ or an index is out of range
     */
    public static CsrMatrix fromCoo(int rows, int cols, int[] r, int[] c, float[] v) {
        if (r.length != c.length || r.length != v.length) {
            throw new IllegalArgumentException("coordinate arrays differ in length");
        }
        int n = r.length;
        long[] key = new long[n];
        for (int k = 0; k < n; k++) {
            if (r[k] < 0 || r[k] >= rows || c[k] < 0 || c[k] >= cols) {
                throw new IllegalArgumentException("entry (" + r[k] + ", " + c[k] + ") outside " + rows + " x " + cols);
            }
            key[k] = ((long) r[k] << 32) | c[k];
        }
        int[] perm = sortedPermutation(key);
        int[] rowStart = new int[rows + 1];
        int[] outCol = new int[n];
        float[] outVal = new float[n];
        int m = 0;
        long last = -1;
        for (int p : perm) {
            if (key[p] == last) {
                outVal[m - 1] += v[p];
                continue;
            }
            last = key[p];
            outCol[m] = c[p];
            outVal[m] = v[p];
            rowStart[r[p] + 1]++;
            m++;
        }
        for (int i = 0; i < rows; i++) {
            rowStart[i + 1] += rowStart[i];
        }
        return new CsrMatrix(rows, cols, rowStart, Arrays.copyOf(outCol, m), Arrays.copyOf(outVal, m));
    }

    /** Positions sorted by key; stable, so repeated coordinates sum in input order. */
    private static int[] sortedPermutation(long[] key) {
        int n = key.length;
        int[] idx = new int[n];
        for (int k = 0; k < n; k++) {
            idx[k] = k;
        }
        mergeSort(idx, new int[n], 0, n, key);
        return idx;
    }

    private static void mergeSort(int[] a, int[] tmp, int lo, int hi, long[] key) {
        if (hi - lo < 2) {
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(a, tmp, lo, mid, key);
        mergeSort(a, tmp, mid, hi, key);
        if (key[a[mid - 1]] <= key[a[mid]]) {
            return;
        }
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
            tmp[k++] = key[a[j]] < key[a[i]] ? a[j++] : a[i++];
        }
        while (i < mid) {
            tmp[k++] = a[i++];
        }
        while (j < hi) {
            tmp[k++] = a[j++];
        }
        System.arraycopy(tmp, lo, a, lo, hi - lo);
    }

    /** Returns the transpose, also in CSR form (so both products run row-parallel). */
    public CsrMatrix transpose() {
        int n = col.length;
        int[] ts = new int[cols + 1];
        for (int c : col) {
            ts[c + 1]++;
        }
        for (int i = 0; i < cols; i++) {
            ts[i + 1] += ts[i];
        }
        int[] fill = Arrays.copyOf(ts, cols);
        int[] tc = new int[n];
        float[] tv = new float[n];
        for (int r = 0; r < rows; r++) {
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                int p = fill[col[k]]++;
                tc[p] = r;
                tv[p] = val[k];
            }
        }
        return new CsrMatrix(cols, rows, ts, tc, tv);
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Number of columns. */
    public int cols() {
        return cols;
    }

    /** Number of stored entries. */
    public int nonZeros() {
        return col.length;
    }

    /** Row offsets (shared: do not modify). */
    public int[] rowStart() {
        return rowStart;
    }

    /** Column indices (shared: do not modify). */
    public int[] colIndex() {
        return col;
    }

    /** Values (shared: do not modify). */
    public float[] values() {
        return val;
    }

    /** The dense matrix, for tests on small graphs. */
    public float[][] toDense() {
        float[][] d = new float[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                d[r][col[k]] += val[k];
            }
        }
        return d;
    }
}
