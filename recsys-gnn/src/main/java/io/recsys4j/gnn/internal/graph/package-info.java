/**
 * Not API (see {@link io.recsys4j.gnn.internal}). CSR matrices and the normalised adjacency and social operators of the graph models.
 */
package io.recsys4j.gnn.internal.graph;
