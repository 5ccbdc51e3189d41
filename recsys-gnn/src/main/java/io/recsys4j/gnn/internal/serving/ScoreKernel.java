package io.recsys4j.gnn.internal.serving;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inner product behind every score, in the one order every door uses: for a pair with
 * user row {@code u} and item row {@code v}, {@code s = 0; for j = 0 .. d-1: s = fma(u[j], v[j], s)}.
 * Each step is one IEEE fused multiply-add, so the result depends on the two rows alone, not
 * on the caller, the block, the JIT state or whether the Vector API is present: the scalar
 * {@link #dot} of one pair and a SIMD lane of {@link #scoreBlock} give the same bits.
 *
 * <p>Blocks are scored against the item table transposed ({@code [dim x stride]},
 * {@code stride} the item count rounded up to a whole number of vectors, zero-padded), so a
 * vector holds one component of consecutive items: the SIMD kernel broadcasts a user's
 * component and accumulates in registers, which is a matrix product's inner loop without
 * changing any pair's summation order (a BLAS product would, with the block's shape).
 */
public abstract class ScoreKernel {
    private static final Logger LOG = LoggerFactory.getLogger(ScoreKernel.class);
    private static final String SIMD = "io.recsys4j.gnn.internal.serving.SimdScoreKernel";
    private static final ScoreKernel BEST = choose();

    /** Items per chunk of a block at dim 64: a chunk of the transposed table (64 x 1,024 floats) stays in L2 while its users pass over it. */
    public static final int CHUNK = 1024;

    /**
     * Items per chunk for {@code dim} components: about 256 KiB of the transposed table, so
     * wide tables (graph filters use hundreds of components) stay in L2 as well; a multiple
     * of {@code lanes}. The chunking changes no pair's summation order.
     */
    static int chunk(int dim, int lanes) {
        int items = Math.max(lanes, (CHUNK * 64) / Math.max(1, dim));
        return Math.max(lanes, items / lanes * lanes);
    }

    /** The one pair: {@code a[ao..ao+d) · b[bo..bo+d)} in the order of the class comment. */
    public static float dot(float[] a, int ao, float[] b, int bo, int d) {
        float s = 0f;
        for (int j = 0; j < d; j++) {
            s = Math.fma(a[ao + j], b[bo + j], s);
        }
        return s;
    }

    /**
     * Scores {@code rows} users (row-major {@code [rows x dim]} in {@code users}) against
     * every item: {@code out[outOff + r * outStride + i]} for {@code i < numItems}.
     *
     * @param itemsT the transposed item table, {@code [dim x stride]}, zero beyond numItems
     */
    public abstract void scoreBlock(float[] users, int rows, int dim, float[] itemsT, int stride, int numItems,
                             float[] out, int outOff, int outStride);

    /**
     * {@code y[yo + i] += a * x[xo + i]} for {@code i < len}: a product rounded, then a sum
     * rounded, exactly Java's scalar {@code y += a * x} (no fused multiply-add), so a dense row
     * gives the same floats as the sparse loop over its non-zeros.
     */
    public abstract void axpy(float a, float[] x, int xo, float[] y, int yo, int len);

    /** How many items {@link #scoreBlock} wants per row of the transposed table (a multiple of its vector length). */
    public abstract int lanes();

    public abstract String name();

    /** The SIMD kernel with {@code --add-modules jdk.incubator.vector} (unless {@code -Drecsys.simd=false}), else the scalar one. */
    public static ScoreKernel best() {
        return BEST;
    }

    public static ScoreKernel scalar() {
        return new Scalar();
    }

    private static ScoreKernel choose() {
        if (!Boolean.parseBoolean(System.getProperty("recsys.simd", "true"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return new Scalar();
        }
        try {
            return (ScoreKernel) Class.forName(SIMD).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.warn("SIMD scoring kernel unavailable ({}); using the scalar kernel", e.toString());
            return new Scalar();
        }
    }

    /**
     * Eight items at a time per user, each with its own running sum, so the fused
     * multiply-adds overlap instead of waiting on one another; each sum still runs over
     * {@code j} in order.
     */
    static final class Scalar extends ScoreKernel {
        @Override
        public void scoreBlock(float[] users, int rows, int dim, float[] itemsT, int stride, int numItems,
                        float[] out, int outOff, int outStride) {
            int chunk = chunk(dim, 8);
            for (int i0 = 0; i0 < numItems; i0 += chunk) {
                int end = Math.min(numItems, i0 + chunk);
                for (int r = 0; r < rows; r++) {
                    int uo = r * dim;
                    int oo = outOff + r * outStride;
                    int i = i0;
                    for (; i + 8 <= end; i += 8) {
                        float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f, s4 = 0f, s5 = 0f, s6 = 0f, s7 = 0f;
                        for (int j = 0; j < dim; j++) {
                            float u = users[uo + j];
                            int t = j * stride + i;
                            s0 = Math.fma(u, itemsT[t], s0);
                            s1 = Math.fma(u, itemsT[t + 1], s1);
                            s2 = Math.fma(u, itemsT[t + 2], s2);
                            s3 = Math.fma(u, itemsT[t + 3], s3);
                            s4 = Math.fma(u, itemsT[t + 4], s4);
                            s5 = Math.fma(u, itemsT[t + 5], s5);
                            s6 = Math.fma(u, itemsT[t + 6], s6);
                            s7 = Math.fma(u, itemsT[t + 7], s7);
                        }
                        out[oo + i] = s0;
                        out[oo + i + 1] = s1;
                        out[oo + i + 2] = s2;
                        out[oo + i + 3] = s3;
                        out[oo + i + 4] = s4;
                        out[oo + i + 5] = s5;
                        out[oo + i + 6] = s6;
                        out[oo + i + 7] = s7;
                    }
                    for (; i < end; i++) {
                        float s = 0f;
                        for (int j = 0; j < dim; j++) {
                            s = Math.fma(users[uo + j], itemsT[j * stride + i], s);
                        }
                        out[oo + i] = s;
                    }
                }
            }
        }

        @Override
        public void axpy(float a, float[] x, int xo, float[] y, int yo, int len) {
            for (int i = 0; i < len; i++) {
                y[yo + i] += a * x[xo + i];
            }
        }

        @Override
        public int lanes() {
            return 8;
        }

        @Override
        public String name() {
            return "scalar";
        }
    }
}
