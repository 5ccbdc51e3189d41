package io.recsys4j.core.split;

import io.recsys4j.core.Interactions;

/**
 * A train/test partition of interactions; both parts share the original id spaces and
 * together hold every interaction exactly once.
 *
 * @param train the training part
 * @param test the held-out part
 */
public record Split(Interactions train, Interactions test) {
}
