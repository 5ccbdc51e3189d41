/**
 * Not API (see {@link io.recsys4j.gnn.internal}). BPR triple sampling.
 */
package io.recsys4j.gnn.internal.sampling;
