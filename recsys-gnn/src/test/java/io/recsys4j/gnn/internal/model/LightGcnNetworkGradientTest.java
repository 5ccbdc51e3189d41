package io.recsys4j.gnn.internal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.recsys4j.core.synthetic.SyntheticWorld;
import io.recsys4j.gnn.GradientCheck;
import io.recsys4j.gnn.internal.graph.Adjacency;
import io.recsys4j.gnn.internal.graph.CsrMatrix;
import io.recsys4j.gnn.internal.propagation.CsrCpuPropagation;
import io.recsys4j.gnn.internal.propagation.Nd4jOpsPropagation;
import io.recsys4j.gnn.internal.propagation.Propagation;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LightGcnNetworkGradientTest {
    private static final SyntheticWorld W = SyntheticWorld.builder().users(10).items(12).interactions(40)
            .categories(2).seed(9).build();

    private static void check(CsrMatrix p, Propagation prop, String what) {
        int d = 3;
        Nd4j.getRandom().setSeed(3);
        INDArray e0 = Nd4j.randn(DataType.DOUBLE, p.rows(), d).castTo(DataType.FLOAT);
        float[] c = Nd4j.randn(DataType.DOUBLE, p.rows(), d).castTo(DataType.FLOAT).data().asFloat();
        LightGcnNetwork net = new LightGcnNetwork(prop, 3, d);
        float[] out = new float[p.rows() * d];
        java.util.function.DoubleSupplier loss = () -> {
            net.forward(e0, out);
            double s = 0;
            for (int k = 0; k < out.length; k++) {
                s += (double) c[k] * out[k];
            }
            return s;
        };
        INDArray g = Nd4j.create(DataType.FLOAT, p.rows(), d);
        net.backward(c, g);
        GradientCheck.check(what, e0, g, loss, 1e-2, 1e-3);
    }

    @Test
    void lightGcnBackward_matchesFiniteDifferences() {
        CsrMatrix p = Adjacency.normalizedBipartite(W.interactions());
        try (Propagation prop = new CsrCpuPropagation(p, 2)) {
            check(p, prop, "lightgcn");
        }
    }

    @Test
    void socialBackward_matchesFiniteDifferences_onBothPaths() {
        // β != 0.5 makes the operator non-symmetric, so a backward pass that used P instead of Pᵀ fails.
        CsrMatrix p = Adjacency.socialOperator(W.interactions(), W.social(), 0.3);
        try (Propagation prop = new CsrCpuPropagation(p, 2)) {
            check(p, prop, "social csr-cpu");
        }
        try (Propagation prop = new Nd4jOpsPropagation(p)) {
            check(p, prop, "social nd4j-ops");
        }
    }

    @Test
    void forward_isTheMeanOfLayerPowers_againstDense() {
        CsrMatrix p = Adjacency.socialOperator(W.interactions(), W.social(), 0.3);
        INDArray dense = Nd4j.create(p.toDense());
        INDArray e0 = Nd4j.rand(DataType.FLOAT, p.rows(), 4);
        INDArray e1 = dense.mmul(e0);
        INDArray e2 = dense.mmul(e1);
        INDArray expected = e0.add(e1).add(e2).div(3);
        float[] out = new float[p.rows() * 4];
        try (Propagation prop = new CsrCpuPropagation(p, 1)) {
            new LightGcnNetwork(prop, 2, 4).forward(e0, out);
        }
        assertArrayEquals(expected.data().asFloat(), out, 1e-5f);
    }
}
