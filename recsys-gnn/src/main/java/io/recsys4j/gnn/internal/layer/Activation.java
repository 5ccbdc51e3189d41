package io.recsys4j.gnn.internal.layer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Element-wise activations with their derivatives, written out. */
public enum Activation {
    /** {@code σ(z) = z}. */
    IDENTITY,
    /** {@code σ(z) = max(0, z)}; derivative 1 where {@code z > 0}, else 0. */
    RELU,
    /** {@code σ(z) = tanh z}; derivative {@code 1 - tanh² z}. */
    TANH;

    /** Returns {@code σ(z)} as a new array. */
    INDArray apply(INDArray z) {
        return switch (this) {
            case IDENTITY -> z.dup();
            case RELU -> Transforms.relu(z, true);
            case TANH -> Transforms.tanh(z, true);
        };
    }

    /** Returns {@code g ⊙ σ'(z)} as a new array, given {@code y = σ(z)}. */
    INDArray backward(INDArray g, INDArray z, INDArray y) {
        return switch (this) {
            case IDENTITY -> g.dup();
            case RELU -> g.mul(z.gt(0).castTo(g.dataType()));
            case TANH -> g.mul(y.mul(y).rsubi(1));
        };
    }
}
