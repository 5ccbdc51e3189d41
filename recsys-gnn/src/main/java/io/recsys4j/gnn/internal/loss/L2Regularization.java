package io.recsys4j.gnn.internal.loss;

import java.nio.FloatBuffer;

/**
 * The L2 term of BPR training, on the batch's layer-0 (free) embeddings, as the reference
 * LightGCN code (He et al., "LightGCN: Simplifying and Powering Graph Convolution Network
 * for Recommendation", SIGIR 2020, eq. 15) computes it:
 * <pre>
 *   L_reg = λ · ½ · Σ_{v ∈ batch} ‖e⁰_v‖² / B,      dL_reg/de⁰_v = λ · e⁰_v / B  per occurrence
 * </pre>
 * The sum runs over occurrences, not distinct nodes: a node in three triples of the batch is
 * counted three times, as the reference does. It is on layer 0 because that is what Adam
 * updates; regularising the propagated embeddings would couple neighbours' penalties.
 */
public final class L2Regularization {
    private L2Regularization() {
    }

    /**
     * Returns {@code L_reg} and adds its gradient to {@code gradient}.
     *
     * @param e0 the layer-0 embeddings, row-major {@code [nodes x d]}
     * @param gradient receives {@code λ · e⁰_v / B} added to row {@code v}, once per occurrence
     * @param occurrences the batch's nodes, each as often as it occurs (3B entries for B triples)
     * @param batch B, the number of triples
     * @param lambda λ >= 0
     */
    public static double lossAndAddGradient(FloatBuffer e0, FloatBuffer gradient, int[] occurrences, int batch,
                                            int d, double lambda) {
        float scale = (float) (lambda / batch);
        float[] row = new float[d];
        float[] g = new float[d];
        double squares = 0;
        for (int v : occurrences) {
            e0.get(v * d, row, 0, d);
            gradient.get(v * d, g, 0, d);
            double sq = 0;
            for (int j = 0; j < d; j++) {
                sq += row[j] * row[j];
                g[j] += scale * row[j];
            }
            gradient.put(v * d, g, 0, d);
            squares += sq;
        }
        return lambda * 0.5 * squares / batch;
    }
}
