package io.recsys4j.gnn.internal.serving;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inner product behind every score. Each implementation sums in one fixed order whatever
 * the caller, the block size or the JIT state, which is what makes every scoring door agree
 * bit for bit. The SIMD and scalar kernels differ from each other in rounding (the SIMD one
 * uses fused multiply-adds), as the propagation kernels do; one JVM uses one of them.
 */
abstract class DotKernel {
    private static final Logger LOG = LoggerFactory.getLogger(DotKernel.class);
    private static final String SIMD = "io.recsys4j.gnn.internal.serving.SimdDotKernel";
    private static final DotKernel BEST = choose();

    /** {@code a[ao..ao+d) · b[bo..bo+d)}. */
    abstract float dot(float[] a, int ao, float[] b, int bo, int d);

    abstract String name();

    /** The SIMD kernel with {@code --add-modules jdk.incubator.vector} (unless {@code -Drecsys.simd=false}), else the scalar one. */
    static DotKernel best() {
        return BEST;
    }

    static DotKernel scalar() {
        return new Scalar();
    }

    private static DotKernel choose() {
        if (!Boolean.parseBoolean(System.getProperty("recsys.simd", "true"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return new Scalar();
        }
        try {
            return (DotKernel) Class.forName(SIMD).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.warn("SIMD scoring kernel unavailable ({}); using the scalar kernel", e.toString());
            return new Scalar();
        }
    }

    /**
     * Four running sums over the components {@code j mod 4}, added as
     * {@code (s0 + s1) + (s2 + s3)}, then the tail: four sums let the CPU overlap the
     * additions, and the order never varies.
     */
    static final class Scalar extends DotKernel {
        @Override
        float dot(float[] a, int ao, float[] b, int bo, int d) {
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            int j = 0;
            for (; j + 3 < d; j += 4) {
                s0 += a[ao + j] * b[bo + j];
                s1 += a[ao + j + 1] * b[bo + j + 1];
                s2 += a[ao + j + 2] * b[bo + j + 2];
                s3 += a[ao + j + 3] * b[bo + j + 3];
            }
            float s = (s0 + s1) + (s2 + s3);
            for (; j < d; j++) {
                s += a[ao + j] * b[bo + j];
            }
            return s;
        }

        @Override
        String name() {
            return "scalar";
        }
    }
}
