/**
 * Graph recommenders on ND4J, the API a user needs: {@link io.recsys4j.gnn.Recommender} (the
 * model interface every family implements, with {@code load}), {@link io.recsys4j.gnn.GraphRecommender}
 * and its builder (LightGCN, social and text-fed), {@link io.recsys4j.gnn.TrainingSettings}
 * and {@link io.recsys4j.gnn.ModelKind}, {@link io.recsys4j.gnn.Recommendation},
 * {@link io.recsys4j.gnn.EpochStats}, {@link io.recsys4j.gnn.TrainingDivergedException} and
 * {@link io.recsys4j.gnn.ColdStartTuning}. Everything under {@code internal} is not API.
 */
package io.recsys4j.gnn;
