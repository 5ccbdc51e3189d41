/** BPR training of the graph models: configuration, the trainer, epoch statistics. */
package io.recsys4j.gnn.train;
