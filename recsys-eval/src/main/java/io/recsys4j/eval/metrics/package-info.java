/** Each metric of {@code docs/metrics.md} as one small function; AUC lives only in {@link io.recsys4j.eval.metrics.Auc}. */
package io.recsys4j.eval.metrics;
