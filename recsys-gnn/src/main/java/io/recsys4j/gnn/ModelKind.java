package io.recsys4j.gnn;

import java.util.Locale;

/** Which graph a {@link GraphRecommender} propagates over. */
public enum ModelKind {
    /** LightGCN on the user-item graph alone. */
    LIGHTGCN,
    /** LightGCN whose user rows also propagate over the social graph, weighted by {@code socialWeight}. */
    SOCIAL,
    /**
     * SocialLGN (Liao et al. 2022): users fuse the social and the interaction propagation of
     * each layer with a learned module shared by all layers; items as LightGCN.
     */
    SOCIALLGN,
    /**
     * LightGCN trained with a social contrastive term (see {@code loss.SocialContrastLoss}):
     * each user's final embedding is pulled towards the mean of their friends' and pushed away
     * from other users' friends. Serving is LightGCN's; the social graph shapes training only.
     */
    SOCIALCL;

    /** True for the kinds that propagate over a social graph and need one. */
    public boolean usesSocial() {
        return this != LIGHTGCN;
    }

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
        throw new IllegalArgumentException("model kind must be lightgcn, social, sociallgn or socialcl, found '" + id + "'");
    }
}
