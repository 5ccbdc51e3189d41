package io.recsys4j.core.io;

/**
 * The result of a loader: the data and the report of what was read and skipped.
 *
 * @param data what was loaded
 * @param report lines read, records kept, and what was skipped with the reason
 * @param <T> the kind of data
 */
public record Loaded<T>(T data, LoadReport report) {
}
