/** Weighted graph-convolution layers with hand-written backward passes. */
package io.recsys4j.gnn.layer;
