/** Each metric of METRICS.md as one small function. */
package io.recsys4j.eval.metrics;
