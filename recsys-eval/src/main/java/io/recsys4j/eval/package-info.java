/** Evaluation of recommenders: full ranking of a model, or another system's run file, with per-user results. */
package io.recsys4j.eval;
