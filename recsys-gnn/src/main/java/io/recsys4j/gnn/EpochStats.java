package io.recsys4j.gnn;

/**
 * What one training epoch did.
 *
 * @param epoch 1-based epoch number
 * @param loss mean training loss (BPR plus regularisation) over the epoch's batches
 * @param seconds wall time of the epoch's training steps (validation excluded)
 * @param validation the validation metric after this epoch, NaN if not validated
 */
public record EpochStats(int epoch, double loss, double seconds, double validation) {
}
