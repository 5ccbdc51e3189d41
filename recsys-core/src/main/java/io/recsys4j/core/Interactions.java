package io.recsys4j.core;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable list of (user, item) interactions with an optional weight and timestamp each,
 * over the id spaces {@link #users()} and {@link #items()}.
 *
 * <p>Besides the list in its original order, it holds each user's items sorted by index
 * (CSR), which masking, sampling and evaluation read. Thread-safe.
 */
public final class Interactions {
    private final IdMap users;
    private final IdMap items;
    private final int[] user;
    private final int[] item;
    private final float[] weight;   // null: every weight is 1
    private final long[] time;      // null: no timestamps
    private final int[] rowStart;   // CSR: user u's items are rowItems[rowStart[u] .. rowStart[u+1])
    private final int[] rowItems;

    private Interactions(IdMap users, IdMap items, int[] user, int[] item, float[] weight, long[] time) {
        this.users = users;
        this.items = items;
        this.user = user;
        this.item = item;
        this.weight = weight;
        this.time = time;
        this.rowStart = new int[users.size() + 1];
        for (int u : user) {
            rowStart[u + 1]++;
        }
        for (int u = 0; u < users.size(); u++) {
            rowStart[u + 1] += rowStart[u];
        }
        this.rowItems = new int[user.length];
        int[] fill = Arrays.copyOf(rowStart, users.size());
        for (int k = 0; k < user.length; k++) {
            rowItems[fill[user[k]]++] = item[k];
        }
        for (int u = 0; u < users.size(); u++) {
            Arrays.sort(rowItems, rowStart[u], rowStart[u + 1]);
        }
    }

    /**
     * Returns interactions over the given id spaces. The arrays are copied.
     *
     * @param weight null for unit weights
     * @param time null when there are no timestamps
     * @throws IllegalArgumentException if the arrays differ in length or an index is out of range
     */
    public static Interactions of(IdMap users, IdMap items, int[] user, int[] item, float[] weight, long[] time) {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(items, "items");
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
        }
        return new Interactions(users, items, user.clone(), item.clone(),
                weight == null ? null : weight.clone(), time == null ? null : time.clone());
    }

    /** Returns a builder over the given id spaces. */
    public static Builder builder(IdMap users, IdMap items) {
        return new Builder(users, items);
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

    /** Number of interactions. */
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

    /** Weight of interaction {@code k}; 1 when the data has no weights. */
    public float weight(int k) {
        return weight == null ? 1f : weight[k];
    }

    /** True if every interaction has a timestamp. */
    public boolean hasTimestamps() {
        return time != null;
    }

    /** True if the data carries weights. */
    public boolean hasWeights() {
        return weight != null;
    }

    /**
     * Timestamp of interaction {@code k}, in the data's own unit.
     *
     * @throws IllegalStateException if the data has no timestamps
     */
    public long timestamp(int k) {
        if (time == null) {
            throw new IllegalStateException("these interactions have no timestamps");
        }
        return time[k];
    }

    /** Number of interactions of user {@code u}. */
    public int degree(int u) {
        return rowStart[u + 1] - rowStart[u];
    }

    /** Item indices of user {@code u}, sorted ascending (a copy). */
    public int[] itemsOf(int u) {
        return Arrays.copyOfRange(rowItems, rowStart[u], rowStart[u + 1]);
    }

    /** True if user {@code u} interacted with item {@code i}; O(log degree). */
    public boolean contains(int u, int i) {
        return Arrays.binarySearch(rowItems, rowStart[u], rowStart[u + 1], i) >= 0;
    }

    /**
     * The CSR row offsets: user u's sorted items are {@link #csrItems()} at
     * {@code [rowStart[u], rowStart[u+1])}. The array is shared: do not modify it.
     */
    public int[] csrRowStart() {
        return rowStart;
    }

    /** The CSR item indices, see {@link #csrRowStart()}. Shared: do not modify. */
    public int[] csrItems() {
        return rowItems;
    }

    /** Number of interactions of each item. */
    public int[] itemDegrees() {
        int[] d = new int[items.size()];
        for (int i : item) {
            d[i]++;
        }
        return d;
    }

    /** Number of interactions of each user. */
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
     */
    public Interactions withIdSpaces(IdMap newUsers, IdMap newItems) {
        if (!users.isPrefixOf(newUsers) || !items.isPrefixOf(newItems)) {
            throw new IllegalArgumentException("the new id spaces must extend the current ones");
        }
        return new Interactions(newUsers, newItems, user, item, weight, time);
    }

    /** Returns the interactions whose positions are listed, in that order. */
    public Interactions select(int[] positions) {
        int n = positions.length;
        int[] u = new int[n];
        int[] i = new int[n];
        float[] w = weight == null ? null : new float[n];
        long[] t = time == null ? null : new long[n];
        for (int k = 0; k < n; k++) {
            int p = positions[k];
            u[k] = user[p];
            i[k] = item[p];
            if (w != null) {
                w[k] = weight[p];
            }
            if (t != null) {
                t[k] = time[p];
            }
        }
        return new Interactions(users, items, u, i, w, t);
    }

    /** Returns these interactions followed by {@code other}'s, which must share the id spaces. */
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
        return new Interactions(users, items, u, i, w, t);
    }

    @Override
    public String toString() {
        return "Interactions[" + size() + " over " + numUsers() + " users x " + numItems() + " items]";
    }

    /** Accumulates interactions; not thread-safe. */
    public static final class Builder {
        private final IdMap users;
        private final IdMap items;
        private int[] user = new int[16];
        private int[] item = new int[16];
        private float[] weight;
        private long[] time;
        private int n;

        private Builder(IdMap users, IdMap items) {
            this.users = users;
            this.items = items;
        }

        /** Adds an interaction with unit weight and no timestamp. */
        public Builder add(int u, int i) {
            if (time != null) {
                throw new IllegalStateException("mixing interactions with and without timestamps");
            }
            grow();
            user[n] = u;
            item[n] = i;
            if (weight != null) {
                weight[n] = 1f;
            }
            n++;
            return this;
        }

        /** Adds an interaction with a weight and a timestamp. */
        public Builder add(int u, int i, float w, long t) {
            if (n > 0 && time == null) {
                throw new IllegalStateException("mixing interactions with and without timestamps");
            }
            if (weight == null) {
                weight = new float[user.length];
                Arrays.fill(weight, 0, n, 1f);
            }
            if (time == null) {
                time = new long[user.length];
            }
            grow();
            user[n] = u;
            item[n] = i;
            weight[n] = w;
            time[n] = t;
            n++;
            return this;
        }

        private void grow() {
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
        }

        /** Number added so far. */
        public int size() {
            return n;
        }

        /** Returns the interactions added so far. */
        public Interactions build() {
            return Interactions.of(users, items, Arrays.copyOf(user, n), Arrays.copyOf(item, n),
                    weight == null ? null : Arrays.copyOf(weight, n), time == null ? null : Arrays.copyOf(time, n));
        }
    }
}
