/** Training losses with their hand-written gradients. */
package io.recsys4j.gnn.loss;
