/**
 * Not API (see {@link io.recsys4j.gnn.internal}). The one scoring path of embedding models (EmbeddingScorer).
 */
package io.recsys4j.gnn.internal.serving;
