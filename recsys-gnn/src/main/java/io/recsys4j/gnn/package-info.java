/** Graph recommenders on ND4J: the trained model, its builder and its parts. */
package io.recsys4j.gnn;
