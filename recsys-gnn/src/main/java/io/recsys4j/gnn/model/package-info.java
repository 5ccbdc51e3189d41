/** Graph models: LightGCN propagation with layer combination. */
package io.recsys4j.gnn.model;
