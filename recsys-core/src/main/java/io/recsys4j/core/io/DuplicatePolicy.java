package io.recsys4j.core.io;

/**
 * What a loader does with a record it has already seen. Whatever the policy, what the
 * loader returns has no repeated record.
 */
public enum DuplicatePolicy {
    /** Reject the file, naming the line of the repeat (the default). */
    REJECT,
    /** Keep the first occurrence, skip the repeat and count it in the {@link LoadReport}. */
    SKIP,
    /**
     * Fold the repeat into the first occurrence and count it in the {@link LoadReport}. For
     * interactions the rule is that of {@link io.recsys4j.core.Interactions}: weights summed
     * (so unit weights become counts; MovieLens ratings would be added up), latest timestamp,
     * first position. For an unweighted social graph merging an edge is the same as skipping it.
     */
    MERGE
}
