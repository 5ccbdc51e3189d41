package io.recsys4j.gnn.propagation;

import io.recsys4j.gnn.graph.CsrMatrix;
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
 * The CPU propagation kernel: a row-parallel CSR x dense product that reads and writes the
 * ND4J arrays' off-heap memory directly through {@link FloatBuffer} views (ND4J's own
 * scatter/segment ops are 30-80x slower, leak native memory and race on 2 threads).
 *
 * <p>The input is copied once into a heap array, where the inner loop over the embedding
 * dimension vectorises; each thread accumulates whole rows and writes its block of rows
 * back. Every row is summed by one thread in CSR order, so results are bit-identical for
 * any thread count. The backward pass runs the same kernel on the precomputed transpose.
 */
public final class CsrCpuPropagation implements Propagation {
    private final CsrMatrix forward;
    private final CsrMatrix transposed;
    private final int threads;
    private final ExecutorService pool;
    private final int[][] forwardChunks;
    private final int[][] backwardChunks;
    private float[] in = new float[0];
    private float[][] forwardOut = new float[0][];
    private float[][] backwardOut = new float[0][];

    /**
     * @param p the propagation matrix (square)
     * @param threads worker threads (1: run on the caller's thread)
     */
    public CsrCpuPropagation(CsrMatrix p, int threads) {
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
            Thread t = new Thread(r, "recsys-propagation");
            t.setDaemon(true);
            return t;
        });
        this.forwardChunks = chunks(forward, threads * 4);
        this.backwardChunks = chunks(transposed, threads * 4);
    }

    /** Splits rows into about {@code n} ranges of similar non-zero count. */
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
    public void forward(INDArray x, INDArray y) {
        forwardOut = buffers(forwardOut, forwardChunks, (int) x.columns());
        run(forward, forwardChunks, forwardOut, x, y);
    }

    @Override
    public void backward(INDArray g, INDArray gx) {
        backwardOut = buffers(backwardOut, backwardChunks, (int) g.columns());
        run(transposed, backwardChunks, backwardOut, g, gx);
    }

    /** One reusable output block per chunk, so that a step allocates nothing. */
    private static float[][] buffers(float[][] have, int[][] chunks, int d) {
        if (have.length == chunks.length && (chunks.length == 0
                || have[0].length == (chunks[0][1] - chunks[0][0]) * d)) {
            return have;
        }
        float[][] b = new float[chunks.length][];
        for (int k = 0; k < chunks.length; k++) {
            b[k] = new float[(chunks[k][1] - chunks[k][0]) * d];
        }
        return b;
    }

    private void run(CsrMatrix m, int[][] chunks, float[][] blocks, INDArray x, INDArray y) {
        int d = check(x, "input");
        if (check(y, "output") != d) {
            throw new IllegalArgumentException("input and output widths differ: " + d + " vs " + y.columns());
        }
        int size = m.rows() * d;
        if (in.length < size) {
            in = new float[size];
        }
        view(x).get(0, in, 0, size);
        FloatBuffer out = view(y);
        float[] src = in;
        if (pool == null) {
            for (int k = 0; k < chunks.length; k++) {
                rows(m, src, out, blocks[k], d, chunks[k][0], chunks[k][1]);
            }
            return;
        }
        List<Future<?>> fs = new ArrayList<>(chunks.length);
        for (int k = 0; k < chunks.length; k++) {
            int[] c = chunks[k];
            float[] block = blocks[k];
            fs.add(pool.submit(() -> rows(m, src, out, block, d, c[0], c[1])));
        }
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

    /** Computes rows {@code [from, to)} of {@code m·x} and writes them to {@code out}. */
    private static void rows(CsrMatrix m, float[] x, FloatBuffer out, float[] acc, int d, int from, int to) {
        int[] rs = m.rowStart();
        int[] col = m.colIndex();
        float[] val = m.values();
        java.util.Arrays.fill(acc, 0f);
        for (int r = from; r < to; r++) {
            int o = (r - from) * d;
            for (int k = rs[r]; k < rs[r + 1]; k++) {
                float v = val[k];
                int b = col[k] * d;
                for (int j = 0; j < d; j++) {
                    acc[o + j] += v * x[b + j];
                }
            }
        }
        out.put(from * d, acc, 0, acc.length);
    }

    private int check(INDArray a, String what) {
        if (a.dataType() != DataType.FLOAT || a.rank() != 2 || a.ordering() != 'c' || a.isView()
                || a.rows() != forward.rows()) {
            throw new IllegalArgumentException(what + " must be a float [" + forward.rows()
                    + " x d] C-order array that is not a view, found " + a.shapeInfoToString());
        }
        return (int) a.columns();
    }

    private static FloatBuffer view(INDArray a) {
        return a.data().asNioFloat();
    }

    @Override
    public String name() {
        return "csr-cpu(" + threads + " threads)";
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
