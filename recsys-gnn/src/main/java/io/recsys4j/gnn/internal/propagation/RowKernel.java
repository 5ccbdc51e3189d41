package io.recsys4j.gnn.internal.propagation;

import io.recsys4j.gnn.internal.graph.CsrMatrix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes rows of a CSR x dense product: the inner loop of {@link CsrCpuPropagation}.
 * Every row is summed in CSR order by one thread, so results do not depend on the thread
 * count.
 */
abstract class RowKernel {
    private static final Logger LOG = LoggerFactory.getLogger(RowKernel.class);
    private static final String SIMD = "io.recsys4j.gnn.internal.propagation.SimdRowKernel";
    private static volatile boolean hinted;

    /**
     * Rows {@code [from, to)} of {@code m·x}: stored in {@code y} (unless null) and, if
     * {@code sum} is not null, folded in as {@code sum = (sum + m·x) · scale}. With
     * {@code nonZero}, input rows not marked are skipped (they would add zeros).
     */
    abstract void rows(CsrMatrix m, float[] x, boolean[] nonZero, float[] y, int d, int from, int to,
                       float[] sum, float scale);

    abstract String name();

    /**
     * The SIMD kernel when the JVM runs with {@code --add-modules jdk.incubator.vector} (and
     * {@code -Drecsys.simd=false} is not set), otherwise the scalar one. The incubator module
     * is opt-in because a library cannot enable it for its users.
     */
    static RowKernel best() {
        if (!Boolean.parseBoolean(System.getProperty("recsys.simd", "true"))) {
            return new ScalarRowKernel();
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            if (!hinted) {
                hinted = true;
                LOG.info("propagation uses the scalar kernel; run the JVM with --add-modules jdk.incubator.vector"
                        + " for the SIMD kernel (about 3x faster)");
            }
            return new ScalarRowKernel();
        }
        try {
            return (RowKernel) Class.forName(SIMD).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.warn("SIMD propagation kernel unavailable ({}); using the scalar kernel", e.toString());
            return new ScalarRowKernel();
        }
    }

    /** The scalar kernel, whatever the JVM's modules (for tests and comparisons). */
    static RowKernel scalar() {
        return new ScalarRowKernel();
    }

    /** Stores a finished row in {@code y} (unless null) and folds it into {@code sum}. */
    static void writeRow(float[] acc, int r, int d, float[] y, float[] sum, float scale) {
        int o = r * d;
        if (y != null) {
            System.arraycopy(acc, 0, y, o, d);
        }
        if (sum != null) {
            for (int j = 0; j < d; j++) {
                sum[o + j] = (sum[o + j] + acc[j]) * scale;
            }
        }
    }
}
