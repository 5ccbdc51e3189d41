package io.recsys4j.gnn.internal.loss;

/**
 * The text feature rows {@code x_v} of a text-fed model's nodes, as the cold-start term
 * needs them: a row times the projection {@code W}, and the gradient of that product.
 */
public interface TextRows {
    /** {@code out[off..off+d) += scale · x_v·W}; {@code W} is row-major {@code [cols x d]}. */
    void addRowProduct(int v, float[] w, int d, float scale, float[] out, int off);

    /** {@code gw += scale · x_vᵀ·g[off..off+d)}: the gradient of {@link #addRowProduct} with respect to W. */
    void addRowOuter(int v, float[] g, int off, int d, float scale, float[] gw);
}
