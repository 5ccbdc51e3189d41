/**
 * Not API (see {@link io.recsys4j.gnn.internal}). The terms of the training loss, one per file, each with its formula in its Javadoc and its hand-written gradient beside it: {@link io.recsys4j.gnn.internal.loss.BprLoss}, {@link io.recsys4j.gnn.internal.loss.L2Regularization}, {@link io.recsys4j.gnn.internal.loss.ColdStartLoss}.
 */
package io.recsys4j.gnn.internal.loss;
