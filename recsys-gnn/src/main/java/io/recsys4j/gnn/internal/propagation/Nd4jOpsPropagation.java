package io.recsys4j.gnn.internal.propagation;

import io.recsys4j.gnn.internal.graph.CsrMatrix;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.segment.UnsortedSegmentSum;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Propagation built only from ND4J operations, so that it runs wherever ND4J does,
 * including the CUDA backend: gather the source rows ({@code pullRows}), scale them by the
 * edge weights, and sum them into their target rows ({@code unsorted_segment_sum}).
 *
 * <p>On the CPU backend this is much slower than {@link CsrCpuPropagation} and ND4J's
 * segment op leaks native memory per call (measured: docs/benchmarks.md), so it is chosen only
 * for the CUDA backend; tests check it against a dense product on small graphs.
 */
public final class Nd4jOpsPropagation implements Propagation {
    private final int n;
    private final INDArray fwdTarget;
    private final INDArray fwdWeight;
    private final INDArray bwdTarget;
    private final INDArray bwdWeight;
    private final int[] fwdSourceIdx;
    private final int[] bwdSourceIdx;

    /** @param p the propagation matrix (square) */
    public Nd4jOpsPropagation(CsrMatrix p) {
        if (p.rows() != p.cols()) {
            throw new IllegalArgumentException("propagation matrix must be square, found " + p.rows() + " x " + p.cols());
        }
        this.n = p.rows();
        CsrMatrix t = p.transpose();
        this.fwdSourceIdx = p.colIndex().clone();
        this.bwdSourceIdx = t.colIndex().clone();
        this.fwdTarget = Nd4j.createFromArray(rowIds(p));
        this.fwdWeight = Nd4j.createFromArray(p.values().clone()).reshape(p.nonZeros(), 1);
        this.bwdTarget = Nd4j.createFromArray(rowIds(t));
        this.bwdWeight = Nd4j.createFromArray(t.values().clone()).reshape(t.nonZeros(), 1);
    }

    private static int[] rowIds(CsrMatrix m) {
        int[] ids = new int[m.nonZeros()];
        for (int r = 0; r < m.rows(); r++) {
            for (int k = m.rowStart()[r]; k < m.rowStart()[r + 1]; k++) {
                ids[k] = r;
            }
        }
        return ids;
    }

    @Override
    public int nodes() {
        return n;
    }

    @Override
    public void forward(INDArray x, INDArray y) {
        apply(x, y, fwdSourceIdx, fwdTarget, fwdWeight);
    }

    @Override
    public void backward(INDArray g, INDArray gx) {
        apply(g, gx, bwdSourceIdx, bwdTarget, bwdWeight);
    }

    private void apply(INDArray x, INDArray y, int[] source, INDArray target, INDArray weight) {
        if (x.rows() != n || y.rows() != n || x.columns() != y.columns() || x.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("expected float [" + n + " x d] arrays, found "
                    + x.shapeInfoToString() + " and " + y.shapeInfoToString());
        }
        if (source.length == 0) {
            y.assign(0);
            return;
        }
        INDArray gathered = Nd4j.pullRows(x, 1, source);
        gathered.muliColumnVector(weight);
        INDArray[] out = Nd4j.exec(new UnsortedSegmentSum(gathered, target, n));
        y.assign(out[0]);
    }

    @Override
    public String name() {
        return "nd4j-ops";
    }

    @Override
    public void close() {
        // Arrays are released with the garbage collector; nothing to stop.
    }
}
