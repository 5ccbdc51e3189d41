/** The versioned, checksummed model file. */
package io.recsys4j.gnn.io;
