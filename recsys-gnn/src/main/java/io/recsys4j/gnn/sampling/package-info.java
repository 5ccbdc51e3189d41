/** BPR triple sampling. */
package io.recsys4j.gnn.sampling;
