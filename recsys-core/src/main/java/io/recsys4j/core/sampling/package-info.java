/** Negative sampling for pairwise training. */
package io.recsys4j.core.sampling;
