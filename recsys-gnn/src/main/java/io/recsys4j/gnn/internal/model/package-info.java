/**
 * Not API (see {@link io.recsys4j.gnn.internal}). Graph models: LightGCN propagation with layer combination.
 */
package io.recsys4j.gnn.internal.model;
