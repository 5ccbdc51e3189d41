/** Loaders for MovieLens CSV, the LightGCN line format, TSV pairs, social edge lists and text tables; every bad line is reported with file and line. */
package io.recsys4j.core.io;
