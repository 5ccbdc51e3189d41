/** Non-personalised baselines that any model must beat. */
package io.recsys4j.eval.baseline;
