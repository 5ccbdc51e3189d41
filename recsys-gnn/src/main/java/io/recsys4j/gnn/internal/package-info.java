/**
 * Not API: the machinery behind {@link io.recsys4j.gnn.GraphRecommender} (graphs, propagation
 * kernels, loss terms, sampling, the BPR trainer, block scoring). These types are public only
 * so that the packages below and the project's own benchmarks can reach one another; they
 * change without notice between versions. Use {@link io.recsys4j.gnn.Recommender},
 * {@link io.recsys4j.gnn.GraphRecommender} and {@link io.recsys4j.gnn.TrainingSettings}
 * instead. Where each formula lives: {@code docs/architecture.md}.
 */
package io.recsys4j.gnn.internal;
