package io.recsys4j.gnn.internal.serving;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ScoreKernel#scoreBlock} on the JDK's Vector API: six users by two vectors of items
 * at a time in twelve register accumulators, each load of the transposed item table shared
 * by the six users. Lane {@code i} of an accumulator computes
 * {@code fma(u[j], v_i[j], s)} for {@code j} in order, exactly the scalar {@link ScoreKernel#dot}.
 * Loaded only by {@link ScoreKernel#best} when the incubator module is present.
 *
 * <p>Each tile is its own small method, called once per (users, vectors of items) tile:
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
            for (; r + 6 <= rows; r += 6) {
                int o = outOff + r * outStride;
                int i = i0;
                for (; i + 2 * L <= end; i += 2 * L) {
                    tile6x2(users, r * dim, dim, itemsT, stride, i, out, o + i, outStride);
                }
                for (; i < end; i += L) {
                    tile4(users, r * dim, dim, itemsT, stride, i, end, out, o + i, outStride);
                    tile1(users, (r + 4) * dim, dim, itemsT, stride, i, end, out, o + 4 * outStride + i);
                    tile1(users, (r + 5) * dim, dim, itemsT, stride, i, end, out, o + 5 * outStride + i);
                }
            }
            for (; r + 4 <= rows; r += 4) {
                for (int i = i0; i < end; i += L) {
                    tile4(users, r * dim, dim, itemsT, stride, i, end, out, outOff + r * outStride + i, outStride);
                }
            }
            for (; r + 2 <= rows; r += 2) {
                int o = outOff + r * outStride;
                int i = i0;
                for (; i + 4 * L <= end; i += 4 * L) {
                    tile2x4(users, r * dim, dim, itemsT, stride, i, out, o + i, outStride);
                }
                for (; i < end; i += L) {
                    tile1(users, r * dim, dim, itemsT, stride, i, end, out, o + i);
                    tile1(users, (r + 1) * dim, dim, itemsT, stride, i, end, out, o + outStride + i);
                }
            }
            for (; r < rows; r++) {
                int o = outOff + r * outStride;
                int i = i0;
                for (; i + 4 * L <= end; i += 4 * L) {
                    tile1x4(users, r * dim, dim, itemsT, stride, i, out, o + i);
                }
                for (; i < end; i += L) {
                    tile1(users, r * dim, dim, itemsT, stride, i, end, out, o + i);
                }
            }
        }
    }

    /**
     * Six users by two vectors of items: twelve independent accumulators hide the fused
     * multiply-add latency, and each step loads two vectors and six components for twelve
     * products (eight users by one vector loaded nine for eight, and ran at less than half
     * the speed: 13 against 30 GFMA/s on one core of the AVX2 machine).
     */
    private static void tile6x2(float[] users, int u0, int dim, float[] itemsT, int stride, int i,
                                float[] out, int o, int outStride) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        FloatVector a4 = a0;
        FloatVector a5 = a0;
        FloatVector b0 = a0;
        FloatVector b1 = a0;
        FloatVector b2 = a0;
        FloatVector b3 = a0;
        FloatVector b4 = a0;
        FloatVector b5 = a0;
        for (int j = 0; j < dim; j++) {
            int t = j * stride + i;
            FloatVector v = FloatVector.fromArray(S, itemsT, t);
            FloatVector w = FloatVector.fromArray(S, itemsT, t + L);
            int u = u0 + j;
            FloatVector x = FloatVector.broadcast(S, users[u]);
            a0 = v.fma(x, a0);
            b0 = w.fma(x, b0);
            x = FloatVector.broadcast(S, users[u + dim]);
            a1 = v.fma(x, a1);
            b1 = w.fma(x, b1);
            x = FloatVector.broadcast(S, users[u + 2 * dim]);
            a2 = v.fma(x, a2);
            b2 = w.fma(x, b2);
            x = FloatVector.broadcast(S, users[u + 3 * dim]);
            a3 = v.fma(x, a3);
            b3 = w.fma(x, b3);
            x = FloatVector.broadcast(S, users[u + 4 * dim]);
            a4 = v.fma(x, a4);
            b4 = w.fma(x, b4);
            x = FloatVector.broadcast(S, users[u + 5 * dim]);
            a5 = v.fma(x, a5);
            b5 = w.fma(x, b5);
        }
        a0.intoArray(out, o);
        b0.intoArray(out, o + L);
        a1.intoArray(out, o + outStride);
        b1.intoArray(out, o + outStride + L);
        a2.intoArray(out, o + 2 * outStride);
        b2.intoArray(out, o + 2 * outStride + L);
        a3.intoArray(out, o + 3 * outStride);
        b3.intoArray(out, o + 3 * outStride + L);
        a4.intoArray(out, o + 4 * outStride);
        b4.intoArray(out, o + 4 * outStride + L);
        a5.intoArray(out, o + 5 * outStride);
        b5.intoArray(out, o + 5 * outStride + L);
    }

    /** Two users by four vectors: a graph filter's request has two coefficient rows over one table, read once. */
    private static void tile2x4(float[] users, int u0, int dim, float[] itemsT, int stride, int i, float[] out, int o,
                                int outStride) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        FloatVector b0 = a0;
        FloatVector b1 = a0;
        FloatVector b2 = a0;
        FloatVector b3 = a0;
        for (int j = 0; j < dim; j++) {
            int t = j * stride + i;
            FloatVector x = FloatVector.broadcast(S, users[u0 + j]);
            FloatVector y = FloatVector.broadcast(S, users[u0 + dim + j]);
            FloatVector v = FloatVector.fromArray(S, itemsT, t);
            a0 = v.fma(x, a0);
            b0 = v.fma(y, b0);
            v = FloatVector.fromArray(S, itemsT, t + L);
            a1 = v.fma(x, a1);
            b1 = v.fma(y, b1);
            v = FloatVector.fromArray(S, itemsT, t + 2 * L);
            a2 = v.fma(x, a2);
            b2 = v.fma(y, b2);
            v = FloatVector.fromArray(S, itemsT, t + 3 * L);
            a3 = v.fma(x, a3);
            b3 = v.fma(y, b3);
        }
        a0.intoArray(out, o);
        a1.intoArray(out, o + L);
        a2.intoArray(out, o + 2 * L);
        a3.intoArray(out, o + 3 * L);
        b0.intoArray(out, o + outStride);
        b1.intoArray(out, o + outStride + L);
        b2.intoArray(out, o + outStride + 2 * L);
        b3.intoArray(out, o + outStride + 3 * L);
    }

    /** One user by four vectors of items: four chains instead of one latency-bound chain (fold-in, one request). */
    private static void tile1x4(float[] users, int u0, int dim, float[] itemsT, int stride, int i, float[] out, int o) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        for (int j = 0; j < dim; j++) {
            int t = j * stride + i;
            FloatVector x = FloatVector.broadcast(S, users[u0 + j]);
            a0 = FloatVector.fromArray(S, itemsT, t).fma(x, a0);
            a1 = FloatVector.fromArray(S, itemsT, t + L).fma(x, a1);
            a2 = FloatVector.fromArray(S, itemsT, t + 2 * L).fma(x, a2);
            a3 = FloatVector.fromArray(S, itemsT, t + 3 * L).fma(x, a3);
        }
        a0.intoArray(out, o);
        a1.intoArray(out, o + L);
        a2.intoArray(out, o + 2 * L);
        a3.intoArray(out, o + 3 * L);
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
