/**
 * Not API (see {@link io.recsys4j.gnn.internal}). Sparse propagation Y = P·X and its backward pass: a CPU CSR kernel and an ND4J-ops path for CUDA.
 */
package io.recsys4j.gnn.internal.propagation;
