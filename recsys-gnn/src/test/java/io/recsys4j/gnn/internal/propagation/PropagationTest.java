package io.recsys4j.gnn.internal.propagation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.recsys4j.core.Interactions;
import io.recsys4j.core.SocialGraph;
import io.recsys4j.core.synthetic.SyntheticWorld;
import io.recsys4j.gnn.internal.graph.Adjacency;
import io.recsys4j.gnn.internal.graph.CsrMatrix;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class PropagationTest {
    private static final SyntheticWorld WORLD = SyntheticWorld.builder().users(40).items(60).interactions(400)
            .categories(4).seed(3).build();

    private static void agreesWithDenseProduct(CsrMatrix p, Function<CsrMatrix, Propagation> make) {
        agreesWithDenseProduct(p, make, 8);
    }

    private static void agreesWithDenseProduct(CsrMatrix p, Function<CsrMatrix, Propagation> make, int width) {
        int n = p.rows();
        Nd4j.getRandom().setSeed(1);
        INDArray x = Nd4j.randn(DataType.FLOAT, n, width);
        INDArray dense = Nd4j.create(p.toDense());
        try (Propagation prop = make.apply(p)) {
            INDArray y = Nd4j.create(DataType.FLOAT, n, width);
            prop.forward(x, y);
            assertArrayEquals(dense.mmul(x).data().asFloat(), y.data().asFloat(), 1e-5f, prop.name() + " forward, width " + width);
            INDArray g = Nd4j.create(DataType.FLOAT, n, width);
            prop.backward(x, g);
            assertArrayEquals(dense.transpose().mmul(x).data().asFloat(), g.data().asFloat(), 1e-5f,
                    prop.name() + " backward, width " + width);
        }
    }

    @Test
    void simdAndScalarKernels_matchDenseMmul_atWidthsThatExerciseEveryVectorPath() {
        CsrMatrix p = Adjacency.socialOperator(WORLD.interactions(), WORLD.social(), 0.3);
        try (Propagation def = new CsrCpuPropagation(p, 1)) {
            // The tests run with --add-modules jdk.incubator.vector (surefire argLine), so the default is SIMD.
            org.junit.jupiter.api.Assertions.assertTrue(def.name().contains("simd"), def.name());
        }
        for (int width : new int[] {1, 7, 8, 16, 64, 67, 131}) {
            agreesWithDenseProduct(p, m -> new CsrCpuPropagation(m, 2), width);
            agreesWithDenseProduct(p, m -> CsrCpuPropagation.scalar(m, 2), width);
        }
    }

    @Test
    void cpuKernel_matchesDenseMmul_onBipartiteAndSocialOperators() {
        Interactions x = WORLD.interactions();
        SocialGraph s = WORLD.social();
        for (CsrMatrix p : new CsrMatrix[] {Adjacency.normalizedBipartite(x), Adjacency.socialOperator(x, s, 0.3)}) {
            agreesWithDenseProduct(p, m -> new CsrCpuPropagation(m, 1));
            agreesWithDenseProduct(p, m -> new CsrCpuPropagation(m, 3));
        }
    }

    @Test
    void nd4jOpsPath_matchesDenseMmul_onBipartiteAndSocialOperators() {
        Interactions x = WORLD.interactions();
        SocialGraph s = WORLD.social();
        for (CsrMatrix p : new CsrMatrix[] {Adjacency.normalizedBipartite(x), Adjacency.socialOperator(x, s, 0.3)}) {
            agreesWithDenseProduct(p, Nd4jOpsPropagation::new);
        }
    }

    @Test
    void cpuKernel_isBitIdenticalForAnyThreadCount() {
        CsrMatrix p = Adjacency.normalizedBipartite(WORLD.interactions());
        INDArray x = Nd4j.randn(DataType.FLOAT, p.rows(), 16);
        INDArray a = Nd4j.create(DataType.FLOAT, p.rows(), 16);
        INDArray b = Nd4j.create(DataType.FLOAT, p.rows(), 16);
        try (Propagation one = new CsrCpuPropagation(p, 1); Propagation four = new CsrCpuPropagation(p, 4)) {
            one.forward(x, a);
            four.forward(x, b);
        }
        assertArrayEquals(a.data().asFloat(), b.data().asFloat(), 0f);
    }

    @Test
    void normalizedBipartite_handComputed() {
        // users 0,1; items 0,1; edges u0-i0, u0-i1, u1-i1. Degrees: u0 2, u1 1, i0 1, i1 2.
        Interactions x = Interactions.of(io.recsys4j.core.IdMap.range(2), io.recsys4j.core.IdMap.range(2),
                new int[] {0, 0, 1}, new int[] {0, 1, 1}, null, null);
        float[][] d = Adjacency.normalizedBipartite(x).toDense();
        assertEquals(1 / Math.sqrt(2), d[0][2], 1e-7);
        assertEquals(1 / Math.sqrt(4), d[0][3], 1e-7);
        assertEquals(1 / Math.sqrt(2), d[1][3], 1e-7);
        assertEquals(0, d[1][2]);
        assertEquals(d[0][3], d[3][0]);
        assertEquals(0, d[0][1]);
    }
}
