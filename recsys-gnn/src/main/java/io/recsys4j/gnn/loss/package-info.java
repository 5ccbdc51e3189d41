/**
 * The terms of the training loss, one per file, each with its formula in its Javadoc and
 * its hand-written gradient beside it: {@link io.recsys4j.gnn.loss.BprLoss},
 * {@link io.recsys4j.gnn.loss.L2Regularization}, {@link io.recsys4j.gnn.loss.ColdStartLoss}.
 */
package io.recsys4j.gnn.loss;
