package io.recsys4j.gnn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The hyperparameters of a {@link GraphFilter}, an immutable value. The formula they enter is
 * in {@link GraphFilter}'s class comment and {@code docs/graph-filters.md}.
 *
 * <ul>
 *   <li>{@code exponent} a: {@code R̃ = D_U^-a R D_I^-(1-a)};</li>
 *   <li>{@code rank} k: how many singular vectors of {@code R̃} the spectral terms use;</li>
 *   <li>{@code idealWeight} α: weight of the ideal low-pass term;</li>
 *   <li>{@code sharpening} T: the time of the sharpening step {@code e^{-Tλ}} on the top spectrum;</li>
 *   <li>{@code socialWeight} β: weight of friends' rows smoothed into a user's row;</li>
 *   <li>{@code textWeight} γ: weight of the item-item text similarity term.</li>
 * </ul>
 */
public final class FilterSettings {
    public static final double DEFAULT_EXPONENT = 0.5;
    public static final int DEFAULT_RANK = 256;
    public static final double DEFAULT_IDEAL_WEIGHT = 0.3;
    public static final double DEFAULT_SHARPENING = 0.5;

    private final double exponent;
    private final int rank;
    private final double idealWeight;
    private final double sharpening;
    private final double socialWeight;
    private final double textWeight;

    private FilterSettings(Builder b) {
        this.exponent = b.exponent;
        this.rank = b.rank;
        this.idealWeight = b.idealWeight;
        this.sharpening = b.sharpening;
        this.socialWeight = b.socialWeight;
        this.textWeight = b.textWeight;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The defaults: a = ½, k = 256, α = 0.3, T = 0.5, no social or text term. */
    public static FilterSettings defaults() {
        return builder().build();
    }

    public double exponent() {
        return exponent;
    }

    public int rank() {
        return rank;
    }

    public double idealWeight() {
        return idealWeight;
    }

    public double sharpening() {
        return sharpening;
    }

    public double socialWeight() {
        return socialWeight;
    }

    public double textWeight() {
        return textWeight;
    }

    /** A copy with the rank lowered to {@code k} (used when the data has fewer dimensions than asked). */
    FilterSettings withRank(int k) {
        return toBuilder().rank(k).build();
    }

    public Builder toBuilder() {
        return builder().exponent(exponent).rank(rank).idealWeight(idealWeight).sharpening(sharpening)
                .socialWeight(socialWeight).textWeight(textWeight);
    }

    /** Named values, as the model file and the command line's report record them. */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("exponent", Double.toString(exponent));
        m.put("rank", Integer.toString(rank));
        m.put("ideal_weight", Double.toString(idealWeight));
        m.put("sharpening", Double.toString(sharpening));
        m.put("social_weight", Double.toString(socialWeight));
        m.put("text_weight", Double.toString(textWeight));
        return m;
    }

    /**
     * @throws IllegalArgumentException naming an unknown key or a bad value
     */
    public static FilterSettings fromMap(Map<String, String> m) {
        Builder b = builder();
        for (Map.Entry<String, String> e : m.entrySet()) {
            String v = e.getValue();
            try {
                switch (e.getKey()) {
                    case "exponent" -> b.exponent(Double.parseDouble(v));
                    case "rank" -> b.rank(Integer.parseInt(v));
                    case "ideal_weight" -> b.idealWeight(Double.parseDouble(v));
                    case "sharpening" -> b.sharpening(Double.parseDouble(v));
                    case "social_weight" -> b.socialWeight(Double.parseDouble(v));
                    case "text_weight" -> b.textWeight(Double.parseDouble(v));
                    default -> throw new IllegalArgumentException("unknown filter setting '" + e.getKey() + "'");
                }
            } catch (NumberFormatException x) {
                throw new IllegalArgumentException("filter setting " + e.getKey() + ": not a number: '" + v + "'");
            }
        }
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FilterSettings f && f.toMap().equals(toMap());
    }

    @Override
    public int hashCode() {
        return Objects.hash(exponent, rank, idealWeight, sharpening, socialWeight, textWeight);
    }

    @Override
    public String toString() {
        return "FilterSettings" + toMap();
    }

    /** Builder; every value is checked when set. */
    public static final class Builder {
        private double exponent = DEFAULT_EXPONENT;
        private int rank = DEFAULT_RANK;
        private double idealWeight = DEFAULT_IDEAL_WEIGHT;
        private double sharpening = DEFAULT_SHARPENING;
        private double socialWeight;
        private double textWeight;

        private Builder() {
        }

        /** @throws IllegalArgumentException unless 0 <= a <= 1 */
        public Builder exponent(double a) {
            if (!(a >= 0 && a <= 1)) {
                throw new IllegalArgumentException("exponent must be in [0, 1], found " + a);
            }
            this.exponent = a;
            return this;
        }

        /** @throws IllegalArgumentException unless k >= 0 (0: the linear filter alone) */
        public Builder rank(int k) {
            if (k < 0) {
                throw new IllegalArgumentException("rank must be >= 0, found " + k);
            }
            this.rank = k;
            return this;
        }

        public Builder idealWeight(double alpha) {
            this.idealWeight = finite("idealWeight", alpha);
            return this;
        }

        /** @throws IllegalArgumentException unless T >= 0 */
        public Builder sharpening(double t) {
            if (!(finite("sharpening", t) >= 0)) {
                throw new IllegalArgumentException("sharpening must be >= 0, found " + t);
            }
            this.sharpening = t;
            return this;
        }

        /** @throws IllegalArgumentException unless beta >= 0 */
        public Builder socialWeight(double beta) {
            if (!(finite("socialWeight", beta) >= 0)) {
                throw new IllegalArgumentException("socialWeight must be >= 0, found " + beta);
            }
            this.socialWeight = beta;
            return this;
        }

        /** @throws IllegalArgumentException unless gamma >= 0 */
        public Builder textWeight(double gamma) {
            if (!(finite("textWeight", gamma) >= 0)) {
                throw new IllegalArgumentException("textWeight must be >= 0, found " + gamma);
            }
            this.textWeight = gamma;
            return this;
        }

        private static double finite(String name, double v) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(name + " must be finite, found " + v);
            }
            return v;
        }

        public FilterSettings build() {
            return new FilterSettings(this);
        }
    }
}
