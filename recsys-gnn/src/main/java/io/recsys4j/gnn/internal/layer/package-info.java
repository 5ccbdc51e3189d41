/**
 * Not API (see {@link io.recsys4j.gnn.internal}). Weighted graph-convolution layers with hand-written backward passes.
 */
package io.recsys4j.gnn.internal.layer;
