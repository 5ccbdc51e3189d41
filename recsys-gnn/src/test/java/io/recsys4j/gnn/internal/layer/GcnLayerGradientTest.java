package io.recsys4j.gnn.internal.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.recsys4j.core.synthetic.SyntheticWorld;
import io.recsys4j.gnn.GradientCheck;
import io.recsys4j.gnn.internal.graph.Adjacency;
import io.recsys4j.gnn.internal.graph.CsrMatrix;
import io.recsys4j.gnn.internal.propagation.CsrCpuPropagation;
import io.recsys4j.gnn.internal.propagation.Propagation;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GcnLayerGradientTest {
    private static final CsrMatrix P = Adjacency.socialOperator(
            SyntheticWorld.builder().users(8).items(10).interactions(30).categories(2).seed(5).build().interactions(),
            SyntheticWorld.builder().users(8).items(10).interactions(30).categories(2).seed(5).build().social(), 0.4);

    private static void checkActivation(Activation act) {
        Nd4j.getRandom().setSeed(7);
        INDArray h = Nd4j.randn(DataType.DOUBLE, P.rows(), 3).castTo(DataType.FLOAT);
        INDArray w = Nd4j.randn(DataType.DOUBLE, 3, 2).castTo(DataType.FLOAT);
        INDArray c = Nd4j.randn(DataType.DOUBLE, P.rows(), 2).castTo(DataType.FLOAT);
        try (Propagation prop = new CsrCpuPropagation(P, 1)) {
            GcnLayer layer = new GcnLayer(prop, act);
            // loss = Σ c ⊙ σ(P·H·W), so dY = c
            java.util.function.DoubleSupplier loss = () -> layer.forward(h, w).castTo(DataType.DOUBLE)
                    .mul(c.castTo(DataType.DOUBLE)).sumNumber().doubleValue();
            layer.forward(h, w);
            GcnLayer.Gradients g = layer.backward(c, w);
            GradientCheck.check(act + " dW", w, g.weights(), loss, 1e-2, 2e-3);
            layer.forward(h, w);
            g = layer.backward(c, w);
            GradientCheck.check(act + " dH", h, g.input(), loss, 1e-2, 2e-3);
        }
    }

    @Test
    void backward_matchesFiniteDifferences_identity() {
        checkActivation(Activation.IDENTITY);
    }

    @Test
    void backward_matchesFiniteDifferences_tanh() {
        checkActivation(Activation.TANH);
    }

    @Test
    void backward_matchesFiniteDifferences_relu() {
        checkActivation(Activation.RELU);
    }

    @Test
    void forward_isActivationOfPHW_againstDense() {
        INDArray h = Nd4j.rand(DataType.FLOAT, P.rows(), 4);
        INDArray w = Nd4j.rand(DataType.FLOAT, 4, 3);
        try (Propagation prop = new CsrCpuPropagation(P, 2)) {
            INDArray y = new GcnLayer(prop, Activation.TANH).forward(h, w);
            INDArray expected = org.nd4j.linalg.ops.transforms.Transforms.tanh(Nd4j.create(P.toDense()).mmul(h).mmul(w));
            assertArrayEquals(expected.data().asFloat(), y.data().asFloat(), 1e-5f);
        }
    }
}
