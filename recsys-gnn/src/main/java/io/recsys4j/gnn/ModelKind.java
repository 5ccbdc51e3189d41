package io.recsys4j.gnn;

import java.util.Locale;

/** Which graph a {@link GraphRecommender} propagates over. */
public enum ModelKind {
    /** LightGCN on the user-item graph alone. */
    LIGHTGCN,
    /** LightGCN whose user rows also propagate over the social graph, weighted by {@code socialWeight}. */
    SOCIAL;

    /** The lower-case name used on the command line and in the model file: {@code lightgcn}, {@code social}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind named {@code id}, case-insensitive.
     *
     * @throws IllegalArgumentException naming the value if it is neither {@code lightgcn} nor {@code social}
     */
    public static ModelKind parse(String id) {
        for (ModelKind k : values()) {
            if (k.id().equalsIgnoreCase(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("model kind must be lightgcn or social, found '" + id + "'");
    }
}
