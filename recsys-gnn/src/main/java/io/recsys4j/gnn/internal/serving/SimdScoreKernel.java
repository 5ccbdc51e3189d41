package io.recsys4j.gnn.internal.serving;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ScoreKernel#scoreBlock} on the JDK's Vector API: four users by one vector of items
 * at a time, four register accumulators, one load of the transposed item table per
 * component shared by the four users. Lane {@code i} of an accumulator computes
 * {@code fma(u[j], v_i[j], s)} for {@code j} in order, exactly the scalar {@link ScoreKernel#dot}.
 * Loaded only by {@link ScoreKernel#best} when the incubator module is present.
 *
 * <p>Each tile is its own small method, called once per (four users, one vector of items):
 * the JIT compiles it after a few hundred calls. As one large loop nest, the outer loops ran
 * interpreted (where every vector operation allocates) until the whole method was compiled,
 * which cost over a second on the first evaluation.
 */
final class SimdScoreKernel extends ScoreKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public void scoreBlock(float[] users, int rows, int dim, float[] itemsT, int stride, int numItems,
                    float[] out, int outOff, int outStride) {
        int chunk = chunk(dim, L);
        for (int i0 = 0; i0 < numItems; i0 += chunk) {
            int end = Math.min(numItems, i0 + chunk);
            int r = 0;
            for (; r + 8 <= rows; r += 8) {
                for (int i = i0; i < end; i += L) {
                    tile8(users, r * dim, dim, itemsT, stride, i, end, out, outOff + r * outStride + i, outStride);
                }
            }
            for (; r + 4 <= rows; r += 4) {
                for (int i = i0; i < end; i += L) {
                    tile4(users, r * dim, dim, itemsT, stride, i, end, out, outOff + r * outStride + i, outStride);
                }
            }
            for (; r < rows; r++) {
                for (int i = i0; i < end; i += L) {
                    tile1(users, r * dim, dim, itemsT, stride, i, end, out, outOff + r * outStride + i);
                }
            }
        }
    }

    /** Eight users: eight independent accumulators hide the fused multiply-add latency, one load feeds eight. */
    private static void tile8(float[] users, int u0, int dim, float[] itemsT, int stride, int i, int end,
                              float[] out, int o, int outStride) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        FloatVector a4 = a0;
        FloatVector a5 = a0;
        FloatVector a6 = a0;
        FloatVector a7 = a0;
        for (int j = 0; j < dim; j++) {
            FloatVector v = FloatVector.fromArray(S, itemsT, j * stride + i);
            int u = u0 + j;
            a0 = v.fma(FloatVector.broadcast(S, users[u]), a0);
            a1 = v.fma(FloatVector.broadcast(S, users[u + dim]), a1);
            a2 = v.fma(FloatVector.broadcast(S, users[u + 2 * dim]), a2);
            a3 = v.fma(FloatVector.broadcast(S, users[u + 3 * dim]), a3);
            a4 = v.fma(FloatVector.broadcast(S, users[u + 4 * dim]), a4);
            a5 = v.fma(FloatVector.broadcast(S, users[u + 5 * dim]), a5);
            a6 = v.fma(FloatVector.broadcast(S, users[u + 6 * dim]), a6);
            a7 = v.fma(FloatVector.broadcast(S, users[u + 7 * dim]), a7);
        }
        if (i + L <= end) {
            a0.intoArray(out, o);
            a1.intoArray(out, o + outStride);
            a2.intoArray(out, o + 2 * outStride);
            a3.intoArray(out, o + 3 * outStride);
            a4.intoArray(out, o + 4 * outStride);
            a5.intoArray(out, o + 5 * outStride);
            a6.intoArray(out, o + 6 * outStride);
            a7.intoArray(out, o + 7 * outStride);
        } else {
            VectorMask<Float> m = S.indexInRange(i, end);
            a0.intoArray(out, o, m);
            a1.intoArray(out, o + outStride, m);
            a2.intoArray(out, o + 2 * outStride, m);
            a3.intoArray(out, o + 3 * outStride, m);
            a4.intoArray(out, o + 4 * outStride, m);
            a5.intoArray(out, o + 5 * outStride, m);
            a6.intoArray(out, o + 6 * outStride, m);
            a7.intoArray(out, o + 7 * outStride, m);
        }
    }

    private static void tile4(float[] users, int u0, int dim, float[] itemsT, int stride, int i, int end,
                              float[] out, int o, int outStride) {
        int u1 = u0 + dim;
        int u2 = u1 + dim;
        int u3 = u2 + dim;
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        for (int j = 0; j < dim; j++) {
            FloatVector v = FloatVector.fromArray(S, itemsT, j * stride + i);
            a0 = v.fma(FloatVector.broadcast(S, users[u0 + j]), a0);
            a1 = v.fma(FloatVector.broadcast(S, users[u1 + j]), a1);
            a2 = v.fma(FloatVector.broadcast(S, users[u2 + j]), a2);
            a3 = v.fma(FloatVector.broadcast(S, users[u3 + j]), a3);
        }
        if (i + L <= end) {
            a0.intoArray(out, o);
            a1.intoArray(out, o + outStride);
            a2.intoArray(out, o + 2 * outStride);
            a3.intoArray(out, o + 3 * outStride);
        } else {
            VectorMask<Float> m = S.indexInRange(i, end);
            a0.intoArray(out, o, m);
            a1.intoArray(out, o + outStride, m);
            a2.intoArray(out, o + 2 * outStride, m);
            a3.intoArray(out, o + 3 * outStride, m);
        }
    }

    private static void tile1(float[] users, int u0, int dim, float[] itemsT, int stride, int i, int end,
                              float[] out, int o) {
        FloatVector a0 = FloatVector.zero(S);
        for (int j = 0; j < dim; j++) {
            a0 = FloatVector.fromArray(S, itemsT, j * stride + i).fma(FloatVector.broadcast(S, users[u0 + j]), a0);
        }
        if (i + L <= end) {
            a0.intoArray(out, o);
        } else {
            a0.intoArray(out, o, S.indexInRange(i, end));
        }
    }

    @Override
    public void axpy(float a, float[] x, int xo, float[] y, int yo, int len) {
        FloatVector va = FloatVector.broadcast(S, a);
        int i = 0;
        for (int end = S.loopBound(len); i < end; i += L) {
            FloatVector.fromArray(S, x, xo + i).mul(va).add(FloatVector.fromArray(S, y, yo + i)).intoArray(y, yo + i);
        }
        for (; i < len; i++) {
            y[yo + i] += a * x[xo + i];
        }
    }

    @Override
    public int lanes() {
        return L;
    }

    @Override
    public String name() {
        return "simd" + S.vectorBitSize();
    }
}
