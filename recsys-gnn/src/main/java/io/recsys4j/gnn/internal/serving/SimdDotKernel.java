package io.recsys4j.gnn.internal.serving;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The dot product on the JDK's Vector API: one vector of fused multiply-adds, its lanes then
 * summed by a fixed butterfly (lane {@code i} plus lane {@code i xor w}, for w = L/2 ... 1),
 * then the tail with {@link Math#fma}. Not {@code reduceLanes(ADD)}: its summation order is
 * unspecified and may differ between the interpreter and compiled code, which would break
 * bit-equality between scoring doors; each butterfly step is a lane-wise IEEE addition.
 * Loaded only by {@link DotKernel#best} when the incubator module is present.
 */
final class SimdDotKernel extends DotKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final VectorShuffle<Float>[] BUTTERFLY = butterfly();

    @SuppressWarnings("unchecked")
    private static VectorShuffle<Float>[] butterfly() {
        VectorShuffle<Float>[] steps = (VectorShuffle<Float>[]) new VectorShuffle<?>[Integer.numberOfTrailingZeros(L)];
        int k = 0;
        for (int w = L / 2; w >= 1; w /= 2) {
            int width = w;
            steps[k++] = VectorShuffle.fromOp(S, i -> i ^ width);
        }
        return steps;
    }

    @Override
    float dot(float[] a, int ao, float[] b, int bo, int d) {
        FloatVector acc = FloatVector.zero(S);
        int j = 0;
        for (; j + L <= d; j += L) {
            acc = FloatVector.fromArray(S, a, ao + j).fma(FloatVector.fromArray(S, b, bo + j), acc);
        }
        for (int k = 0; k < BUTTERFLY.length; k++) {
            acc = acc.add(acc.rearrange(BUTTERFLY[k]));
        }
        float s = acc.lane(0);
        for (; j < d; j++) {
            s = Math.fma(a[ao + j], b[bo + j], s);
        }
        return s;
    }

    @Override
    String name() {
        return "simd" + S.vectorBitSize();
    }
}
