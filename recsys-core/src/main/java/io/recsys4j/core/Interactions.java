package io.recsys4j.core;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable list of distinct (user, item) interactions with an optional weight and
 * timestamp each, over the id spaces {@link #users()} and {@link #items()}.
 *
 * <p><b>Repeats are merged.</b> Whatever builds it ({@link #of}, the {@link Builder},
 * {@link #concat}, {@link #select}), a (user, item) pair occurs at most once. Repeats of a
 * pair become one interaction by one rule:
 * <ul>
 *   <li>weight: the sum of the repeats' weights, so with unit weights the number of
 *       repeats (a count is what an implicit-feedback log means by a repeat);</li>
 *   <li>timestamp: the latest of the repeats';</li>
 *   <li>position: the first occurrence's place in the list order.</li>
 * </ul>
 * {@link #mergedRepeats()} says how many input interactions were folded that way. Unit
 * weights stay implicit ({@link #hasWeights()} false) only while nothing was merged.
 *
 * <p>Besides the list in its original order, it holds each user's items strictly increasing
 * by index (CSR), which masking, sampling and evaluation read. Thread-safe.
 */
public final class Interactions {
    private final IdMap users;
    private final IdMap items;
    private final int[] user;
    private final int[] item;
    private final float[] weight;   // null: every weight is 1
    private final long[] time;      // null: no timestamps
    private final int[] rowStart;   // CSR: user u's items are rowItems[rowStart[u] .. rowStart[u+1])
    private final int[] rowItems;   // strictly increasing within a row
    private final int merged;

    /** Takes arrays that are already free of repeats, with their CSR; nothing is copied. */
    private Interactions(IdMap users, IdMap items, int[] user, int[] item, float[] weight, long[] time,
                         int[] rowStart, int[] rowItems, int merged) {
        this.users = users;
        this.items = items;
        this.user = user;
        this.item = item;
        this.weight = weight;
        this.time = time;
        this.rowStart = rowStart;
        this.rowItems = rowItems;
        this.merged = merged;
    }

    /**
     * The one place where interactions are made: builds the CSR and merges repeated pairs by
     * the rule of the class comment. Takes ownership of the arrays (validated by the caller).
     */
    private static Interactions create(IdMap users, IdMap items, int[] user, int[] item, float[] weight, long[] time) {
        int n = user.length;
        int nu = users.size();
        int[] rowStart = new int[nu + 1];
        for (int u : user) {
            rowStart[u + 1]++;
        }
        for (int u = 0; u < nu; u++) {
            rowStart[u + 1] += rowStart[u];
        }
        int[] rowItems = new int[n];
        int[] fill = Arrays.copyOf(rowStart, nu);
        for (int k = 0; k < n; k++) {
            rowItems[fill[user[k]]++] = item[k];
        }
        int repeats = 0;
        for (int u = 0; u < nu; u++) {
            Arrays.sort(rowItems, rowStart[u], rowStart[u + 1]);
            for (int j = rowStart[u] + 1; j < rowStart[u + 1]; j++) {
                repeats += rowItems[j] == rowItems[j - 1] ? 1 : 0;
            }
        }
        if (repeats == 0) {
            return new Interactions(users, items, user, item, weight, time, rowStart, rowItems, 0);
        }
        // Sorting (item, position) keys puts a pair's repeats side by side, first occurrence first.
        long[] keys = new long[n];
        System.arraycopy(rowStart, 0, fill, 0, nu);
        for (int k = 0; k < n; k++) {
            keys[fill[user[k]]++] = ((long) item[k] << 32) | k;
        }
        for (int u = 0; u < nu; u++) {
            Arrays.sort(keys, rowStart[u], rowStart[u + 1]);
        }
        // first[k]: position of the first occurrence of interaction k's pair.
        int[] first = new int[n];
        boolean[] keep = new boolean[n];
        int[] newRowStart = new int[nu + 1];
        int[] uniqueItems = new int[n - repeats];
        int r = 0;
        for (int u = 0; u < nu; u++) {
            newRowStart[u] = r;
            int head = -1;
            int headItem = -1;
            for (int j = rowStart[u]; j < rowStart[u + 1]; j++) {
                int i = (int) (keys[j] >>> 32);
                int k = (int) keys[j];
                if (head < 0 || i != headItem) {
                    head = k;
                    headItem = i;
                    keep[k] = true;
                    uniqueItems[r++] = i;
                }
                first[k] = head;
            }
        }
        newRowStart[nu] = r;
        float[] w = new float[n];
        long[] t = time == null ? null : new long[n];
        for (int k = 0; k < n; k++) {
            int h = first[k];
            w[h] += weight == null ? 1f : weight[k];
            if (t != null) {
                t[h] = h == k ? time[k] : Math.max(t[h], time[k]);
            }
        }
        for (int k = 0; k < n; k++) {
            if (keep[k] && !Float.isFinite(w[k])) {
                throw new IllegalArgumentException("the merged weight of user " + users.id(user[k]) + " and item "
                        + items.id(item[k]) + " is not finite: its repeats sum beyond the range of a float");
            }
        }
        int m = n - repeats;
        int[] u2 = new int[m];
        int[] i2 = new int[m];
        float[] w2 = new float[m];
        long[] t2 = t == null ? null : new long[m];
        int j = 0;
        for (int k = 0; k < n; k++) {
            if (keep[k]) {
                u2[j] = user[k];
                i2[j] = item[k];
                w2[j] = w[k];
                if (t2 != null) {
                    t2[j] = t[k];
                }
                j++;
            }
        }
        return new Interactions(users, items, u2, i2, w2, t2, newRowStart, uniqueItems, repeats);
    }

    /**
     * Returns interactions over the given id spaces, repeated (user, item) pairs merged by
     * the rule of the class comment. The arrays are copied.
     *
     * @param weight null for unit weights
     * @param time null when there are no timestamps
     * @throws IllegalArgumentException if the arrays differ in length, an index is out of
     *     range or a weight is not finite
     */
    public static Interactions of(IdMap users, IdMap items, int[] user, int[] item, float[] weight, long[] time) {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(item, "item");
        int n = user.length;
        if (item.length != n || (weight != null && weight.length != n) || (time != null && time.length != n)) {
            throw new IllegalArgumentException("arrays differ in length: user " + n + ", item " + item.length
                    + (weight == null ? "" : ", weight " + weight.length) + (time == null ? "" : ", time " + time.length));
        }
        for (int k = 0; k < n; k++) {
            if (user[k] < 0 || user[k] >= users.size()) {
                throw new IllegalArgumentException("user index " + user[k] + " at " + k + " outside 0.." + (users.size() - 1));
            }
            if (item[k] < 0 || item[k] >= items.size()) {
                throw new IllegalArgumentException("item index " + item[k] + " at " + k + " outside 0.." + (items.size() - 1));
            }
            if (weight != null && !Float.isFinite(weight[k])) {
                throw new IllegalArgumentException("weight at " + k + " is not finite: " + weight[k]);
            }
        }
        return create(users, items, user.clone(), item.clone(),
                weight == null ? null : weight.clone(), time == null ? null : time.clone());
    }

    /**
     * Returns a builder over the given id spaces: interactions are added by index
     * ({@link Builder#add(int, int)}) or by id of those spaces ({@link Builder#add(String, String)}).
     */
    public static Builder builder(IdMap users, IdMap items) {
        return new Builder(Objects.requireNonNull(users, "users"), Objects.requireNonNull(items, "items"));
    }

    /**
     * Returns a builder that makes the id spaces itself from the string ids added, in
     * first-seen order, in one pass: {@code builder().add("alice", "coffee").build()}.
     */
    public static Builder builder() {
        return new Builder(null, null);
    }

    /**
     * Number of input interactions that were merged into an earlier one with the same
     * (user, item) pair when this object was made (by {@link #of}, {@link Builder#build},
     * {@link #concat} or {@link #select}); 0 when the input had no repeats. Counts only that
     * step's merges: {@code concat} reports the pairs the two parts share.
     */
    public int mergedRepeats() {
        return merged;
    }

    /** The user id space. */
    public IdMap users() {
        return users;
    }

    /** The item id space. */
    public IdMap items() {
        return items;
    }

    /** Number of users in the id space (not only those with interactions). */
    public int numUsers() {
        return users.size();
    }

    /** Number of items in the id space. */
    public int numItems() {
        return items.size();
    }

    /** Number of interactions, that is of distinct (user, item) pairs. */
    public int size() {
        return user.length;
    }

    /** User index of interaction {@code k}. */
    public int user(int k) {
        return user[k];
    }

    /** Item index of interaction {@code k}. */
    public int item(int k) {
        return item[k];
    }

    /** Weight of interaction {@code k} (summed over merged repeats); 1 when the data has no weights. */
    public float weight(int k) {
        return weight == null ? 1f : weight[k];
    }

    /** True if every interaction has a timestamp. */
    public boolean hasTimestamps() {
        return time != null;
    }

    /** True if the data carries weights: given ones, or counts made by merging repeats. */
    public boolean hasWeights() {
        return weight != null;
    }

    /**
     * Timestamp of interaction {@code k} (the latest of merged repeats), in the data's own unit.
     *
     * @throws IllegalStateException if the data has no timestamps
     */
    public long timestamp(int k) {
        if (time == null) {
            throw new IllegalStateException("these interactions have no timestamps");
        }
        return time[k];
    }

    /** Number of distinct items of user {@code u}. */
    public int degree(int u) {
        return rowStart[u + 1] - rowStart[u];
    }

    /** Item indices of user {@code u}, strictly increasing (a copy). */
    public int[] itemsOf(int u) {
        return Arrays.copyOfRange(rowItems, rowStart[u], rowStart[u + 1]);
    }

    /** True if user {@code u} interacted with item {@code i}; O(log degree). */
    public boolean contains(int u, int i) {
        return Arrays.binarySearch(rowItems, rowStart[u], rowStart[u + 1], i) >= 0;
    }

    /**
     * The CSR row offsets: user u's distinct items, strictly increasing, are {@link #csrItems()} at
     * {@code [rowStart[u], rowStart[u+1])}. The array is shared: do not modify it.
     */
    public int[] csrRowStart() {
        return rowStart;
    }

    /** The CSR item indices, see {@link #csrRowStart()}. Shared: do not modify. */
    public int[] csrItems() {
        return rowItems;
    }

    /** Number of distinct users of each item. */
    public int[] itemDegrees() {
        int[] d = new int[items.size()];
        for (int i : item) {
            d[i]++;
        }
        return d;
    }

    /** Number of distinct items of each user. */
    public int[] userDegrees() {
        int[] d = new int[users.size()];
        for (int u = 0; u < d.length; u++) {
            d[u] = degree(u);
        }
        return d;
    }

    /**
     * Returns the same interactions in larger id spaces of which the current ones are
     * prefixes (see {@link IdMap#union}), so that train and test share indices.
     *
     * @throws IllegalArgumentException if a current id space is not a prefix of the new one
     */
    public Interactions withIdSpaces(IdMap newUsers, IdMap newItems) {
        if (!users.isPrefixOf(newUsers) || !items.isPrefixOf(newItems)) {
            throw new IllegalArgumentException("the new id spaces must extend the current ones");
        }
        // Indices do not move, so the pairs stay distinct: only the new users' empty rows are added.
        int[] rs = Arrays.copyOf(rowStart, newUsers.size() + 1);
        Arrays.fill(rs, users.size() + 1, rs.length, rowStart[users.size()]);
        return new Interactions(newUsers, newItems, user, item, weight, time, rs, rowItems, 0);
    }

    /**
     * Returns the interactions whose positions are listed, in that order; a position listed
     * twice is a repeat and is merged (its weight counted twice).
     *
     * @throws IndexOutOfBoundsException if a position is outside {@code 0 .. size()-1}
     */
    public Interactions select(int[] positions) {
        int n = positions.length;
        int[] u = new int[n];
        int[] i = new int[n];
        float[] w = weight == null ? null : new float[n];
        long[] t = time == null ? null : new long[n];
        for (int k = 0; k < n; k++) {
            int p = positions[k];
            if (p < 0 || p >= user.length) {
                throw new IndexOutOfBoundsException("position " + p + " at " + k + " outside 0.." + (user.length - 1));
            }
            u[k] = user[p];
            i[k] = item[p];
            if (w != null) {
                w[k] = weight[p];
            }
            if (t != null) {
                t[k] = time[p];
            }
        }
        return create(users, items, u, i, w, t);
    }

    /**
     * Returns these interactions followed by {@code other}'s, which must share the id spaces.
     * A pair present in both is merged into this side's position (weights summed, latest
     * timestamp), and {@link #mergedRepeats()} of the result counts such pairs. Timestamps
     * are kept only if both sides have them.
     *
     * @throws IllegalArgumentException if the id spaces differ
     */
    public Interactions concat(Interactions other) {
        if (!users.equals(other.users) || !items.equals(other.items)) {
            throw new IllegalArgumentException("concat needs the same id spaces; call withIdSpaces first");
        }
        int n = size() + other.size();
        int[] u = Arrays.copyOf(user, n);
        int[] i = Arrays.copyOf(item, n);
        System.arraycopy(other.user, 0, u, size(), other.size());
        System.arraycopy(other.item, 0, i, size(), other.size());
        float[] w = null;
        if (weight != null || other.weight != null) {
            w = new float[n];
            for (int k = 0; k < n; k++) {
                w[k] = k < size() ? weight(k) : other.weight(k - size());
            }
        }
        long[] t = null;
        if (time != null && other.time != null) {
            t = Arrays.copyOf(time, n);
            System.arraycopy(other.time, 0, t, size(), other.size());
        }
        return create(users, items, u, i, w, t);
    }

    @Override
    public String toString() {
        return "Interactions[" + size() + " over " + numUsers() + " users x " + numItems() + " items"
                + (merged == 0 ? "" : ", " + merged + (merged == 1 ? " repeat" : " repeats") + " merged") + "]";
    }

    /**
     * Accumulates interactions; repeats are merged at {@link #build()} by the rule of
     * {@link Interactions}. Not thread-safe. Either every interaction has a timestamp or none
     * has. Made by {@link Interactions#builder(IdMap, IdMap)} it adds into fixed id spaces, by
     * index or by id; made by {@link Interactions#builder()} it adds by id and grows the id
     * spaces as it goes.
     */
    public static final class Builder {
        private final IdMap fixedUsers;     // null: the id spaces grow in userIds / itemIds
        private final IdMap fixedItems;
        private final IdMap.Builder userIds;
        private final IdMap.Builder itemIds;
        private int[] user = new int[16];
        private int[] item = new int[16];
        private float[] weight;
        private long[] time;
        private int n;

        private Builder(IdMap users, IdMap items) {
            this.fixedUsers = users;
            this.fixedItems = items;
            this.userIds = users == null ? new IdMap.Builder() : null;
            this.itemIds = items == null ? new IdMap.Builder() : null;
        }

        /**
         * Adds an interaction by index, with unit weight and no timestamp.
         *
         * @throws IllegalStateException if the builder grows its own id spaces (add ids) or
         *     earlier interactions had timestamps
         * @throws IllegalArgumentException if an index is outside its id space
         */
        public Builder add(int u, int i) {
            checkIndices(u, i);
            requireNoTimes();
            append(u, i, 1f, 0L);
            return this;
        }

        /**
         * Adds an interaction by index, with a weight and a timestamp.
         *
         * @throws IllegalStateException if the builder grows its own id spaces (add ids) or
         *     earlier interactions had no timestamps
         * @throws IllegalArgumentException if an index is outside its id space or the weight
         *     is not finite
         */
        public Builder add(int u, int i, float w, long t) {
            checkIndices(u, i);
            requireTimes(w);
            append(u, i, w, t);
            return this;
        }

        /**
         * Adds an interaction by external ids, with unit weight and no timestamp.
         *
         * @throws IllegalArgumentException if the builder has fixed id spaces that lack an id
         * @throws IllegalStateException if earlier interactions had timestamps
         */
        public Builder add(String userId, String itemId) {
            requireNoTimes();
            append(userIndex(userId), itemIndex(itemId), 1f, 0L);
            return this;
        }

        /**
         * Adds an interaction by external ids, with a weight and a timestamp.
         *
         * @throws IllegalArgumentException if the builder has fixed id spaces that lack an id,
         *     or the weight is not finite
         * @throws IllegalStateException if earlier interactions had no timestamps
         */
        public Builder add(String userId, String itemId, float w, long t) {
            requireTimes(w);
            append(userIndex(userId), itemIndex(itemId), w, t);
            return this;
        }

        private void checkIndices(int u, int i) {
            if (fixedUsers == null) {
                throw new IllegalStateException("this builder makes its own id spaces: add string ids, not indices");
            }
            if (u < 0 || u >= fixedUsers.size()) {
                throw new IllegalArgumentException("user index " + u + " outside 0.." + (fixedUsers.size() - 1));
            }
            if (i < 0 || i >= fixedItems.size()) {
                throw new IllegalArgumentException("item index " + i + " outside 0.." + (fixedItems.size() - 1));
            }
        }

        private int userIndex(String id) {
            Objects.requireNonNull(id, "userId");
            if (userIds != null) {
                return userIds.add(id);
            }
            int u = fixedUsers.indexOf(id);
            if (u < 0) {
                throw new IllegalArgumentException("unknown user id '" + id + "' (the builder's id spaces are fixed)");
            }
            return u;
        }

        private int itemIndex(String id) {
            Objects.requireNonNull(id, "itemId");
            if (itemIds != null) {
                return itemIds.add(id);
            }
            int i = fixedItems.indexOf(id);
            if (i < 0) {
                throw new IllegalArgumentException("unknown item id '" + id + "' (the builder's id spaces are fixed)");
            }
            return i;
        }

        private void requireNoTimes() {
            if (time != null) {
                throw new IllegalStateException("mixing interactions with and without timestamps");
            }
        }

        private void requireTimes(float w) {
            if (n > 0 && time == null) {
                throw new IllegalStateException("mixing interactions with and without timestamps");
            }
            if (!Float.isFinite(w)) {
                throw new IllegalArgumentException("weight must be finite, found " + w);
            }
            if (weight == null) {
                weight = new float[user.length];
                Arrays.fill(weight, 0, n, 1f);
            }
            if (time == null) {
                time = new long[user.length];
            }
        }

        private void append(int u, int i, float w, long t) {
            if (n == user.length) {
                int cap = Math.max(16, n * 2);
                user = Arrays.copyOf(user, cap);
                item = Arrays.copyOf(item, cap);
                if (weight != null) {
                    weight = Arrays.copyOf(weight, cap);
                }
                if (time != null) {
                    time = Arrays.copyOf(time, cap);
                }
            }
            user[n] = u;
            item[n] = i;
            if (weight != null) {
                weight[n] = w;
            }
            if (time != null) {
                time[n] = t;
            }
            n++;
        }

        /** Number added so far, repeats included. */
        public int size() {
            return n;
        }

        /** Returns the interactions added so far, repeats merged; the builder stays usable. */
        public Interactions build() {
            IdMap users = fixedUsers != null ? fixedUsers : userIds.build();
            IdMap items = fixedItems != null ? fixedItems : itemIds.build();
            return create(users, items, Arrays.copyOf(user, n), Arrays.copyOf(item, n),
                    weight == null ? null : Arrays.copyOf(weight, n), time == null ? null : Arrays.copyOf(time, n));
        }
    }
}
