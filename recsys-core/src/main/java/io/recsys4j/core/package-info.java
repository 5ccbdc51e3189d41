/**
 * The data model: id maps, interactions, the social graph, texts and data sets. Knows
 * nothing of ND4J; loaders live in {@code io}, splits in {@code split}, negative sampling in
 * {@code sampling}, JGraphT views in {@code graph} and the synthetic world in
 * {@code synthetic}.
 */
package io.recsys4j.core;
