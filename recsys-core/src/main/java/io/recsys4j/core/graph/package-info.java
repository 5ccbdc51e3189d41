/** JGraphT views of the data, degree statistics and k-core filtering. */
package io.recsys4j.core.graph;
