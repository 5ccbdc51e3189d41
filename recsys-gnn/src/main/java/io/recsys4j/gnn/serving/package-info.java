/** Serving trained models: scoring, top-K recommendation. */
package io.recsys4j.gnn.serving;
