/**
 * Not API (see {@link io.recsys4j.gnn.internal}).
 * Small dense products on row-major heap arrays, for the layers and loss terms whose matrices
 * are too small for ND4J's per-call overhead and whose BLAS threads would spin against the
 * propagation's own threads.
 */
package io.recsys4j.gnn.internal.linalg;
