package io.recsys4j.gnn.internal.propagation;

import io.recsys4j.gnn.internal.graph.CsrMatrix;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The CPU propagation kernel: a row-parallel CSR x dense product of our own, on heap arrays
 * or directly on ND4J arrays' off-heap memory through {@link FloatBuffer} views (ND4J's own
 * scatter/segment ops are 30-80x slower, leak native memory and race on 2 threads).
 *
 * <p>Rows are computed by a {@link RowKernel}: a SIMD kernel on the JDK's Vector API when
 * the JVM runs with {@code --add-modules jdk.incubator.vector}, a scalar one otherwise.
 * Every row is summed by one thread in CSR order, so results are bit-identical for any
 * thread count (the two kernels differ in rounding: the SIMD one uses fused multiply-adds).
 * The backward pass runs the same kernel on the precomputed transpose.
 *
 * <p>An instance with more than one thread owns a fixed pool of that many daemon threads
 * named {@value #THREAD_NAME}; whoever creates it closes it ({@link #close} stops the pool).
 * The trainer's {@code Session} owns its propagation and closes it when training ends.
 */
public final class CsrCpuPropagation implements Propagation {
    /** The name of the pool's threads. */
    public static final String THREAD_NAME = "recsys-propagation";
    private final CsrMatrix forward;
    private final CsrMatrix transposed;
    private final int threads;
    private final RowKernel kernel;
    private final ExecutorService pool;
    private final int[][] forwardChunks;
    private final int[][] backwardChunks;
    private float[] in = new float[0];
    private float[] out = new float[0];

    /**
     * @param p the propagation matrix (square)
     * @param threads worker threads (1: run on the caller's thread)
     */
    public CsrCpuPropagation(CsrMatrix p, int threads) {
        this(p, threads, RowKernel.best());
    }

    /** As above, with the scalar kernel whatever the JVM offers (for tests and comparisons). */
    static CsrCpuPropagation scalar(CsrMatrix p, int threads) {
        return new CsrCpuPropagation(p, threads, RowKernel.scalar());
    }

    private CsrCpuPropagation(CsrMatrix p, int threads, RowKernel kernel) {
        this.kernel = kernel;
        if (p.rows() != p.cols()) {
            throw new IllegalArgumentException("propagation matrix must be square, found " + p.rows() + " x " + p.cols());
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, found " + threads);
        }
        this.forward = p;
        this.transposed = p.transpose();
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, THREAD_NAME);
            t.setDaemon(true);
            return t;
        });
        this.forwardChunks = chunks(forward, threads * 8);
        this.backwardChunks = chunks(transposed, threads * 8);
    }

    /** Splits rows into about {@code n} ranges of similar cost (non-zeros plus one per row). */
    private static int[][] chunks(CsrMatrix m, int n) {
        int[] rs = m.rowStart();
        long per = Math.max(1, (m.nonZeros() + (long) m.rows()) / n);
        List<int[]> out = new ArrayList<>();
        int start = 0;
        long acc = 0;
        for (int r = 0; r < m.rows(); r++) {
            acc += rs[r + 1] - rs[r] + 1;
            if (acc >= per) {
                out.add(new int[] {start, r + 1});
                start = r + 1;
                acc = 0;
            }
        }
        if (start < m.rows()) {
            out.add(new int[] {start, m.rows()});
        }
        return out.toArray(new int[0][]);
    }

    @Override
    public int nodes() {
        return forward.rows();
    }

    @Override
    public void forward(float[] x, float[] y, int d) {
        run(forward, forwardChunks, x, y, d);
    }

    @Override
    public void backward(float[] g, float[] gx, int d) {
        run(transposed, backwardChunks, g, gx, d);
    }

    @Override
    public void forwardAccumulate(float[] x, float[] y, int d, float[] sum, float scale) {
        run(forward, forwardChunks, x, y, d, sum, scale);
    }

    @Override
    public void backwardAccumulate(float[] g, float[] gx, int d, float[] sum, float scale) {
        run(transposed, backwardChunks, g, gx, d, sum, scale);
    }

    @Override
    public void backwardAccumulate(float[] g, boolean[] nonZero, float[] gx, int d, float[] sum, float scale) {
        if (pool == null) {
            for (int[] c : backwardChunks) {
                kernel.rows(transposed, g, nonZero, gx, d, c[0], c[1], sum, scale);
            }
            return;
        }
        List<Future<?>> fs = new ArrayList<>(backwardChunks.length);
        for (int[] c : backwardChunks) {
            fs.add(pool.submit(() -> kernel.rows(transposed, g, nonZero, gx, d, c[0], c[1], sum, scale)));
        }
        await(fs);
    }

    @Override
    public void forwardRows(float[] x, int[] rows, float[] y, int d) {
        if (pool == null || rows.length < 64) {
            rowList(forward, x, y, d, rows, 0, rows.length);
            return;
        }
        int parts = threads * 4;
        List<Future<?>> fs = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            int from = (int) ((long) rows.length * p / parts);
            int to = (int) ((long) rows.length * (p + 1) / parts);
            fs.add(pool.submit(() -> rowList(forward, x, y, d, rows, from, to)));
        }
        await(fs);
    }

    private void rowList(CsrMatrix m, float[] x, float[] y, int d, int[] rows, int from, int to) {
        for (int k = from; k < to; k++) {
            kernel.rows(m, x, null, y, d, rows[k], rows[k] + 1, null, 1f);
        }
    }

    @Override
    public void forward(INDArray x, INDArray y) {
        viaHeap(forward, forwardChunks, x, y);
    }

    @Override
    public void backward(INDArray g, INDArray gx) {
        viaHeap(transposed, backwardChunks, g, gx);
    }

    private void viaHeap(CsrMatrix m, int[][] chunks, INDArray x, INDArray y) {
        int d = check(x, "input");
        if (check(y, "output") != d) {
            throw new IllegalArgumentException("input and output widths differ: " + d + " vs " + y.columns());
        }
        int size = m.rows() * d;
        if (in.length < size) {
            in = new float[size];
            out = new float[size];
        }
        x.data().asNioFloat().get(0, in, 0, size);
        run(m, chunks, in, out, d);
        y.data().asNioFloat().put(0, out, 0, size);
    }

    private void run(CsrMatrix m, int[][] chunks, float[] x, float[] y, int d) {
        run(m, chunks, x, y, d, null, 1f);
    }

    private void run(CsrMatrix m, int[][] chunks, float[] x, float[] y, int d, float[] sum, float scale) {
        long size = (long) m.rows() * d;
        if (x.length < size || (y != null && y.length < size) || (sum != null && sum.length < size)) {
            throw new IllegalArgumentException("arrays must hold " + m.rows() + " x " + d + " floats");
        }
        if (pool == null) {
            for (int[] c : chunks) {
                kernel.rows(m, x, null, y, d, c[0], c[1], sum, scale);
            }
            return;
        }
        List<Future<?>> fs = new ArrayList<>(chunks.length);
        for (int[] c : chunks) {
            fs.add(pool.submit(() -> kernel.rows(m, x, null, y, d, c[0], c[1], sum, scale)));
        }
        await(fs);
    }

    private static void await(List<Future<?>> fs) {
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("propagation interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("propagation failed", e.getCause());
            }
        }
    }

    private int check(INDArray a, String what) {
        if (a.dataType() != DataType.FLOAT || a.rank() != 2 || a.ordering() != 'c' || a.isView()
                || a.rows() != forward.rows()) {
            throw new IllegalArgumentException(what + " must be a float [" + forward.rows()
                    + " x d] C-order array that is not a view, found " + a.shapeInfoToString());
        }
        return a.columns();
    }

    @Override
    public String name() {
        return "csr-cpu(" + kernel.name() + ", " + threads + " threads)";
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
