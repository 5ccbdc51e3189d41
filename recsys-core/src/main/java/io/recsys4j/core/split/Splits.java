package io.recsys4j.core.split;

import io.recsys4j.core.Interactions;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The standard ways to hold out interactions. Every split is deterministic: the same input
 * (and seed) gives the same partition, and the parts keep the input's order.
 */
public final class Splits {
    private Splits() {
    }

    /**
     * Holds out {@code round(ratio * n_u)} of each user's {@code n_u} interactions, chosen
     * uniformly at random, but always leaves at least one in train.
     *
     * @param ratio share held out, in [0, 1)
     * @throws IllegalArgumentException if ratio is outside [0, 1)
     */
    public static Split randomPerUser(Interactions data, double ratio, long seed) {
        if (!(ratio >= 0 && ratio < 1)) {
            throw new IllegalArgumentException("ratio must be in [0, 1), found " + ratio);
        }
        int[][] byUser = positionsByUser(data);
        boolean[] test = new boolean[data.size()];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int[] pos : byUser) {
            int n = pos.length;
            int k = (int) Math.min(n - 1L, Math.round(ratio * n));
            // Partial Fisher-Yates: the first k of a shuffled copy go to test.
            int[] p = pos.clone();
            for (int j = 0; j < k; j++) {
                int r = j + rnd.nextInt(n - j);
                int t = p[j];
                p[j] = p[r];
                p[r] = t;
                test[p[j]] = true;
            }
        }
        return partition(data, test);
    }

    /**
     * Holds out each user's latest interaction (ties: the later in input order). Users with a
     * single interaction keep it in train.
     *
     * @throws IllegalArgumentException if the data has no timestamps
     */
    public static Split leaveOneOut(Interactions data) {
        requireTime(data);
        boolean[] test = new boolean[data.size()];
        for (int[] pos : positionsByUser(data)) {
            if (pos.length < 2) {
                continue;
            }
            int best = pos[0];
            for (int p : pos) {
                if (data.timestamp(p) >= data.timestamp(best)) {
                    best = p;
                }
            }
            test[best] = true;
        }
        return partition(data, test);
    }

    /**
     * Holds out the latest share of all interactions: with the timestamps sorted, the cut is
     * the timestamp at position {@code n - round(ratio * n) - 1}, and the interactions
     * strictly later than it go to test. A timestamp never straddles the cut, so the test
     * share can be a little below {@code ratio} when timestamps repeat.
     *
     * @throws IllegalArgumentException if the data has no timestamps or ratio is outside (0, 1)
     */
    public static Split globalTemporal(Interactions data, double ratio) {
        requireTime(data);
        if (!(ratio > 0 && ratio < 1)) {
            throw new IllegalArgumentException("ratio must be in (0, 1), found " + ratio);
        }
        int n = data.size();
        long[] times = new long[n];
        for (int k = 0; k < n; k++) {
            times[k] = data.timestamp(k);
        }
        Arrays.sort(times);
        int cut = (int) Math.max(0, Math.min(n - 1, n - Math.round(ratio * n) - 1));
        long cutTime = times[cut];
        boolean[] test = new boolean[n];
        for (int k = 0; k < n; k++) {
            test[k] = data.timestamp(k) > cutTime;
        }
        return partition(data, test);
    }

    /**
     * Holds out whole items, for cold-start evaluation: {@code round(fraction · I')} of the
     * {@code I'} items that have interactions, chosen uniformly at random, with all their
     * interactions going to test. The id spaces do not change, so the held-out items stay in
     * the catalogue with no training interactions.
     *
     * @param fraction share of items held out, in (0, 1)
     * @throws IllegalArgumentException if fraction is outside (0, 1)
     */
    public static Split coldItems(Interactions data, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1), found " + fraction);
        }
        int[] deg = data.itemDegrees();
        int[] active = java.util.stream.IntStream.range(0, deg.length).filter(i -> deg[i] > 0).toArray();
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int k = active.length - 1; k > 0; k--) {
            int j = rnd.nextInt(k + 1);
            int t = active[k];
            active[k] = active[j];
            active[j] = t;
        }
        int n = (int) Math.round(fraction * active.length);
        boolean[] cold = new boolean[deg.length];
        for (int k = 0; k < n; k++) {
            cold[active[k]] = true;
        }
        boolean[] test = new boolean[data.size()];
        for (int k = 0; k < data.size(); k++) {
            test[k] = cold[data.item(k)];
        }
        return partition(data, test);
    }

    /**
     * Returns the same interactions with the items renumbered in a seeded random order (the
     * item ids, users, list order, weights and timestamps unchanged). Ties in score rank by
     * item index, so a model that scores many items alike (popularity, or any model on cold
     * items) would otherwise be judged on the file's id order, which in MovieLens follows
     * popularity: shuffle before a {@link #coldItems} split. The permutation is a
     * Fisher-Yates shuffle driven by {@code new java.util.Random(seed)}, so it is the same
     * on every machine and version.
     */
    public static Interactions shuffleItems(Interactions data, long seed) {
        int n = data.numItems();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        java.util.Random r = new java.util.Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        java.util.List<String> ids = new java.util.ArrayList<>(n);
        int[] newIndex = new int[n];
        for (int k = 0; k < n; k++) {
            ids.add(data.items().id(perm[k]));
            newIndex[perm[k]] = k;
        }
        int m = data.size();
        int[] user = new int[m];
        int[] item = new int[m];
        float[] weight = data.hasWeights() ? new float[m] : null;
        long[] time = data.hasTimestamps() ? new long[m] : null;
        for (int k = 0; k < m; k++) {
            user[k] = data.user(k);
            item[k] = newIndex[data.item(k)];
            if (weight != null) {
                weight[k] = data.weight(k);
            }
            if (time != null) {
                time[k] = data.timestamp(k);
            }
        }
        return Interactions.of(data.users(), io.recsys4j.core.IdMap.of(ids), user, item, weight, time);
    }

    private static void requireTime(Interactions data) {
        if (!data.hasTimestamps()) {
            throw new IllegalArgumentException("this split needs timestamps; the data has none");
        }
    }

    private static int[][] positionsByUser(Interactions data) {
        int[] count = new int[data.numUsers()];
        for (int k = 0; k < data.size(); k++) {
            count[data.user(k)]++;
        }
        int[][] pos = new int[data.numUsers()][];
        for (int u = 0; u < pos.length; u++) {
            pos[u] = new int[count[u]];
        }
        Arrays.fill(count, 0);
        for (int k = 0; k < data.size(); k++) {
            int u = data.user(k);
            pos[u][count[u]++] = k;
        }
        return pos;
    }

    private static Split partition(Interactions data, boolean[] test) {
        int nt = 0;
        for (boolean b : test) {
            nt += b ? 1 : 0;
        }
        int[] tr = new int[data.size() - nt];
        int[] te = new int[nt];
        int a = 0;
        int b = 0;
        for (int k = 0; k < test.length; k++) {
            if (test[k]) {
                te[b++] = k;
            } else {
                tr[a++] = k;
            }
        }
        return new Split(data.select(tr), data.select(te));
    }
}
