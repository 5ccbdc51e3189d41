/** Graph-filter internals: the normalised matrix and its Gram matrix, the randomized SVD, the filter operator. */
package io.recsys4j.gnn.internal.filter;
