package io.recsys4j.gnn.internal.serving;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The dot product on the JDK's Vector API: one vector of fused multiply-adds, its lanes then
 * added one by one in lane order, then the tail with {@link Math#fma}. Not
 * {@code reduceLanes(ADD)}: its summation order is unspecified and may differ between the
 * interpreter and compiled code, which would break bit-equality between scoring doors.
 * Loaded only by {@link DotKernel#best} when the incubator module is present.
 */
final class SimdDotKernel extends DotKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    float dot(float[] a, int ao, float[] b, int bo, int d) {
        FloatVector acc = FloatVector.zero(S);
        int j = 0;
        for (; j + L <= d; j += L) {
            acc = FloatVector.fromArray(S, a, ao + j).fma(FloatVector.fromArray(S, b, bo + j), acc);
        }
        float s = 0;
        for (int l = 0; l < L; l++) {
            s += acc.lane(l);
        }
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
