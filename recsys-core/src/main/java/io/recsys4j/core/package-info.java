/**
 * The data model: id maps, interactions (distinct (user, item) pairs, repeats merged), the
 * social graph, texts and data sets; top-K selection over a {@link io.recsys4j.core.Scorer};
 * the {@link io.recsys4j.core.Workers} parallel components run on and the shared
 * {@link io.recsys4j.core.Defaults}. Knows nothing of ND4J; loaders live in {@code io},
 * splits in {@code split}, negative sampling in {@code sampling}, JGraphT views in
 * {@code graph} and the synthetic world in {@code synthetic}.
 */
package io.recsys4j.core;
