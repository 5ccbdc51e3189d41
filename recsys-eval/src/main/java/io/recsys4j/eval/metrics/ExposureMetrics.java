package io.recsys4j.eval.metrics;

/**
 * The beyond-accuracy metrics of {@code docs/metrics.md} ("Exposure and the long tail"), each
 * one formula, on item indices {@code 0..n-1} and training popularity {@code pop_i} (the number
 * of training users who have item {@code i}):
 * <ul>
 *   <li>coverage: the share of the catalogue that appears in at least one list (Ge, Delgado-Battenfeld
 *       and Jannach, "Beyond accuracy", RecSys 2010);</li>
 *   <li>Gini index of the recommendation counts over the whole catalogue, 0 when every item is
 *       recommended equally often, towards 1 when a few items take every slot (as in Fleder and
 *       Hosanagar, Management Science 2009, and RecBole's {@code GiniIndex});</li>
 *   <li>novelty: the self-information {@code log2(|U| / pop_i)} of a recommended item (Zhou et
 *       al., "Solving the apparent diversity-accuracy dilemma", PNAS 2010);</li>
 *   <li>the long tail: the least popular items that together hold a given share of the training
 *       interactions (20% by default, the tail of Abdollahpouri et al.'s popularity-bias studies
 *       read from the other end).</li>
 * </ul>
 */
public final class ExposureMetrics {
    private ExposureMetrics() {
    }

    /** {@code |{i : counts[i] > 0}| / n}, with {@code n = counts.length} the catalogue. */
    public static double coverage(int[] counts) {
        int covered = 0;
        for (int c : counts) {
            covered += c > 0 ? 1 : 0;
        }
        return counts.length == 0 ? Double.NaN : (double) covered / counts.length;
    }

    /**
     * {@code G = Σ_{j=1..n} (2j - n - 1) c_(j) / (n Σ_j c_(j))} over the counts sorted ascending,
     * zeros included (an item never recommended is the most unequal exposure there is); NaN when
     * nothing was recommended.
     */
    public static double gini(int[] counts) {
        int[] c = counts.clone();
        java.util.Arrays.sort(c);
        int n = c.length;
        double total = 0;
        double weighted = 0;
        for (int j = 1; j <= n; j++) {
            total += c[j - 1];
            weighted += (2.0 * j - n - 1) * c[j - 1];
        }
        return total == 0 ? Double.NaN : weighted / (n * total);
    }

    /**
     * {@code log2(|U| / pop)}: how surprising the item is, in bits. An item no training user has
     * counts as one user's ({@code pop = 1}), so it gets the largest finite value, not infinity.
     *
     * @param users |U|, the training users with at least one interaction (>= 1)
     */
    public static double novelty(int pop, int users) {
        return Math.log((double) users / Math.max(1, pop)) / Math.log(2);
    }

    /**
     * The long tail: items sorted by popularity ascending (ties by index), the longest prefix whose
     * popularity sums to at most {@code share} of all training interactions. Items no one has are
     * always in it.
     *
     * @param share in [0, 1]
     * @return {@code tail[i]} true for tail items
     */
    public static boolean[] tail(int[] pop, double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("the tail's share must be in [0, 1], found " + share);
        }
        Integer[] order = new Integer[pop.length];
        long total = 0;
        for (int i = 0; i < pop.length; i++) {
            order[i] = i;
            total += pop[i];
        }
        java.util.Arrays.sort(order, (a, b) -> pop[a] != pop[b] ? Integer.compare(pop[a], pop[b]) : Integer.compare(a, b));
        boolean[] tail = new boolean[pop.length];
        double budget = share * total;
        long sum = 0;
        for (int i : order) {
            sum += pop[i];
            if (sum > budget && pop[i] > 0) {
                break;
            }
            tail[i] = true;
        }
        return tail;
    }
}
