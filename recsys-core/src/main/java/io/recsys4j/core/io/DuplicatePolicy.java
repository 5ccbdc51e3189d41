package io.recsys4j.core.io;

/** What a loader does with a record it has already seen. */
public enum DuplicatePolicy {
    /** Reject the file, naming the line of the repeat (the default). */
    REJECT,
    /** Keep the first occurrence, skip the repeat and count it in the {@link LoadReport}. */
    SKIP
}
