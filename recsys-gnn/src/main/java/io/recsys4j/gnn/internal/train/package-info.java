/**
 * Not API (see {@link io.recsys4j.gnn.internal}). The BPR trainer of the graph models and the text feature rows of text-fed ones.
 */
package io.recsys4j.gnn.internal.train;
