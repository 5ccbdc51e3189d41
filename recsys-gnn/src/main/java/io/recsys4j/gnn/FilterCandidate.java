package io.recsys4j.gnn;

/**
 * One configuration tried while tuning a {@link GraphFilter}, with its validation figures
 * (computed on items held out of the training data, never on a test split).
 *
 * @param settings the configuration
 * @param recall validation recall@20
 * @param ndcg validation ndcg@20
 */
public record FilterCandidate(FilterSettings settings, double recall, double ndcg) {
}
