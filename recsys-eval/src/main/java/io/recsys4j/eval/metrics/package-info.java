/** Each metric of docs/metrics.md as one small function. */
package io.recsys4j.eval.metrics;
