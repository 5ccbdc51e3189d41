package io.recsys4j.gnn.internal.train;

import io.recsys4j.core.Interactions;
import io.recsys4j.gnn.internal.loss.TextRows;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The node feature matrix {@code X} of a text-fed model, users first. Rows are explicit (a
 * text vector) or derived: a user without a profile text gets the L2-normalised sum of the
 * vectors of the items they interacted with, kept as that sum rather than materialised, so
 * {@code X·W} costs one product over the item rows plus a sparse sum over the interactions
 * (a materialised user row of hashed features has thousands of non-zeros).
 *
 * <p>Explicit rows are stored compressed when mostly zeros, as hashed text is (a few dozen
 * non-zeros in 4,096 columns), so products cost the non-zeros times the dimension; dense
 * rows (sentence embeddings) go through ND4J's gemm.
 */
final class FeatureRows implements TextRows {
    /** Up to this share of non-zeros the sparse loops (vectorised axpy) beat a dense gemm. */
    static final double MAX_SPARSE_DENSITY = 0.2;

    private final int rows;
    private final int cols;
    private final int[] start;
    private final int[] col;
    private final float[] val;
    private final INDArray dense;        // the explicit rows for gemm, or null when sparse
    private final int[] derivedStart;    // derived row r = derivedScale[r] * sum of rows derivedNode[derivedStart[r]..]
    private final int[] derivedNode;
    private final float[] derivedScale;

    private FeatureRows(int rows, int cols, float[][] explicit, int[] derivedStart, int[] derivedNode,
                        float[] derivedScale) {
        this.rows = rows;
        this.cols = cols;
        this.start = new int[rows + 1];
        int nnz = 0;
        for (int r = 0; r < rows; r++) {
            float[] v = explicit[r];
            if (v != null) {
                for (float x : v) {
                    nnz += x != 0 ? 1 : 0;
                }
            }
            start[r + 1] = nnz;
        }
        this.col = new int[nnz];
        this.val = new float[nnz];
        int k = 0;
        for (float[] v : explicit) {
            if (v != null) {
                for (int c = 0; c < cols; c++) {
                    if (v[c] != 0) {
                        col[k] = c;
                        val[k++] = v[c];
                    }
                }
            }
        }
        int explicitRows = 0;
        for (float[] v : explicit) {
            explicitRows += v != null ? 1 : 0;
        }
        if (nnz > MAX_SPARSE_DENSITY * explicitRows * (double) cols) {
            float[] flat = new float[rows * cols];
            for (int r = 0; r < rows; r++) {
                if (explicit[r] != null) {
                    System.arraycopy(explicit[r], 0, flat, r * cols, cols);
                }
            }
            this.dense = Nd4j.create(flat, new long[] {rows, cols}, 'c');
        } else {
            this.dense = null;
        }
        this.derivedStart = derivedStart;
        this.derivedNode = derivedNode;
        this.derivedScale = derivedScale;
    }

    /** Every row explicit: the rows of {@code x}. */
    static FeatureRows of(INDArray x) {
        int rows = x.rows();
        int cols = x.columns();
        // One copy to the heap, not one ND4J view and copy per row.
        float[] flat = x.castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[][] r = new float[rows][];
        for (int i = 0; i < rows; i++) {
            r[i] = Arrays.copyOfRange(flat, i * cols, (i + 1) * cols);
        }
        return new FeatureRows(rows, cols, r, null, null, null);
    }

    /**
     * Users first, then items. A user with a vector in {@code userVectors} has it as an
     * explicit row; the others get the normalised sum of their training items' vectors.
     *
     * @param itemVectors one per item, null for an item without text
     * @param userVectors one per user (null entries derived), or null to derive all
     */
    static FeatureRows ofItems(float[][] itemVectors, float[][] userVectors, Interactions train) {
        int users = train.numUsers();
        int m = -1;
        for (float[] v : itemVectors) {
            if (v != null) {
                m = v.length;
                break;
            }
        }
        if (m < 1) {
            throw new IllegalArgumentException("no item has a text vector");
        }
        float[][] explicit = new float[users + itemVectors.length][];
        int[] dStart = new int[users + 1];
        int[] dNode = new int[train.size()];
        float[] dScale = new float[users];
        float[] sum = new float[m];
        int k = 0;
        for (int u = 0; u < users; u++) {
            float[] p = userVectors == null ? null : userVectors[u];
            if (p != null) {
                explicit[u] = check(p, m);
            } else {
                Arrays.fill(sum, 0f);
                for (int i : train.itemsOf(u)) {
                    if (itemVectors[i] != null) {
                        float[] v = check(itemVectors[i], m);
                        for (int j = 0; j < m; j++) {
                            sum[j] += v[j];
                        }
                        dNode[k++] = users + i;
                    }
                }
                double sq = 0;
                for (float v : sum) {
                    sq += v * v;
                }
                dScale[u] = sq > 0 ? (float) (1 / Math.sqrt(sq)) : 0f;
            }
            dStart[u + 1] = k;
        }
        for (int i = 0; i < itemVectors.length; i++) {
            explicit[users + i] = itemVectors[i] == null ? null : check(itemVectors[i], m);
        }
        return new FeatureRows(explicit.length, m, explicit, dStart, Arrays.copyOf(dNode, k), dScale);
    }

    private static float[] check(float[] v, int m) {
        if (v.length != m) {
            throw new IllegalArgumentException("text vectors differ in length: " + v.length + " vs " + m);
        }
        return v;
    }

    int rows() {
        return rows;
    }

    int cols() {
        return cols;
    }

    /** Whether row {@code r} is not all zeros (as far as its structure tells). */
    boolean hasRow(int r) {
        return start[r + 1] > start[r]
                || (derivedStart != null && r < derivedScale.length && derivedScale[r] != 0);
    }

    /** {@code X·W} as a row-major {@code [rows x d]} array; {@code W} is {@code [cols x d]}. */
    float[] product(INDArray w) {
        int d = w.columns();
        float[] out;
        if (dense != null) {
            INDArray o = Nd4j.create(DataType.FLOAT, new long[] {rows, d}, 'c');
            Nd4j.gemm(dense, w, o, false, false, 1.0, 0.0);
            out = o.data().asFloat();
        } else {
            out = new float[rows * d];
            float[] wv = w.data().asFloat();
            for (int r = 0; r < rows; r++) {
                addRowProduct(r, wv, d, 1f, out, r * d);
            }
        }
        if (derivedStart != null) {
            for (int r = 0; r < derivedScale.length; r++) {
                float s = derivedScale[r];
                int o = r * d;
                for (int k = derivedStart[r]; k < derivedStart[r + 1]; k++) {
                    int src = derivedNode[k] * d;
                    for (int j = 0; j < d; j++) {
                        out[o + j] += s * out[src + j];
                    }
                }
            }
        }
        return out;
    }

    /** {@code Xᵀ·G} into {@code gw} ({@code [cols x d]}, row-major); {@code G} is {@code [rows x d]}. */
    void transposeProduct(float[] g, int d, float[] gw) {
        float[] gx = g;
        if (derivedStart != null) {
            // A derived row's gradient flows to the item rows it sums.
            gx = g.clone();
            for (int r = 0; r < derivedScale.length; r++) {
                float s = derivedScale[r];
                int o = r * d;
                for (int k = derivedStart[r]; k < derivedStart[r + 1]; k++) {
                    int dst = derivedNode[k] * d;
                    for (int j = 0; j < d; j++) {
                        gx[dst + j] += s * g[o + j];
                    }
                }
            }
        }
        if (dense != null) {
            INDArray out = Nd4j.create(DataType.FLOAT, cols, d);
            Nd4j.gemm(dense, Nd4j.create(gx, new long[] {rows, d}, 'c'), out, true, false, 1.0, 0.0);
            out.data().asNioFloat().get(0, gw, 0, cols * d);
        } else {
            Arrays.fill(gw, 0, cols * d, 0f);
            for (int r = 0; r < rows; r++) {
                addRowOuter(r, gx, r * d, d, 1f, gw);
            }
        }
    }

    /** {@code out[off..off+d) += scale · x_r·W} for an explicit row {@code r}. */
    @Override
    public void addRowProduct(int r, float[] w, int d, float scale, float[] out, int off) {
        for (int k = start[r]; k < start[r + 1]; k++) {
            float v = scale * val[k];
            int wo = col[k] * d;
            for (int j = 0; j < d; j++) {
                out[off + j] += v * w[wo + j];
            }
        }
    }

    /** {@code gw += scale · x_rᵀ·g[off..off+d)} for an explicit row: the gradient of a row product. */
    @Override
    public void addRowOuter(int r, float[] g, int off, int d, float scale, float[] gw) {
        for (int k = start[r]; k < start[r + 1]; k++) {
            float v = scale * val[k];
            int o = col[k] * d;
            for (int j = 0; j < d; j++) {
                gw[o + j] += v * g[off + j];
            }
        }
    }

    /** Whether the explicit rows are kept compressed (for tests). */
    boolean sparse() {
        return dense == null;
    }
}
