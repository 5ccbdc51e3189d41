package io.recsys4j.core;

import java.util.Arrays;

/**
 * An immutable undirected user-user graph over a user id space: de-duplicated, without
 * self loops. Held as a symmetric CSR adjacency (each edge appears in both rows, rows
 * sorted), which propagation kernels read directly. Thread-safe.
 */
public final class SocialGraph {
    private final IdMap users;
    private final int[] rowStart;
    private final int[] neighbours;

    private SocialGraph(IdMap users, int[] rowStart, int[] neighbours) {
        this.users = users;
        this.rowStart = rowStart;
        this.neighbours = neighbours;
    }

    /**
     * Builds the graph from edge endpoints {@code (a[k], b[k])}. Mirror pairs and repeats
     * are merged into one undirected edge.
     *
     * @throws IllegalArgumentException on a self loop or an index out of range
     */
    public static SocialGraph of(IdMap users, int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("endpoint arrays differ in length: " + a.length + " vs " + b.length);
        }
        int n = users.size();
        long[] keys = new long[a.length];
        for (int k = 0; k < a.length; k++) {
            int x = a[k];
            int y = b[k];
            if (x < 0 || x >= n || y < 0 || y >= n) {
                throw new IllegalArgumentException("edge " + k + " (" + x + ", " + y + ") outside 0.." + (n - 1));
            }
            if (x == y) {
                throw new IllegalArgumentException("edge " + k + " is a self loop on user " + users.id(x));
            }
            keys[k] = ((long) Math.min(x, y) << 32) | Math.max(x, y);
        }
        Arrays.sort(keys);
        int m = 0;
        for (int k = 0; k < keys.length; k++) {
            if (k == 0 || keys[k] != keys[k - 1]) {
                keys[m++] = keys[k];
            }
        }
        int[] rowStart = new int[n + 1];
        for (int k = 0; k < m; k++) {
            rowStart[(int) (keys[k] >>> 32) + 1]++;
            rowStart[(int) keys[k] + 1]++;
        }
        for (int u = 0; u < n; u++) {
            rowStart[u + 1] += rowStart[u];
        }
        int[] nb = new int[2 * m];
        int[] fill = Arrays.copyOf(rowStart, n);
        for (int k = 0; k < m; k++) {
            int x = (int) (keys[k] >>> 32);
            int y = (int) keys[k];
            nb[fill[x]++] = y;
            nb[fill[y]++] = x;
        }
        for (int u = 0; u < n; u++) {
            Arrays.sort(nb, rowStart[u], rowStart[u + 1]);
        }
        return new SocialGraph(users, rowStart, nb);
    }

    /** The user id space. */
    public IdMap users() {
        return users;
    }

    /** Number of users in the id space. */
    public int numUsers() {
        return users.size();
    }

    /** Number of undirected edges. */
    public int numEdges() {
        return neighbours.length / 2;
    }

    /** Number of friends of user {@code u}. */
    public int degree(int u) {
        return rowStart[u + 1] - rowStart[u];
    }

    /** Friends of user {@code u}, sorted ascending (a copy). */
    public int[] neighbours(int u) {
        return Arrays.copyOfRange(neighbours, rowStart[u], rowStart[u + 1]);
    }

    /** True if {@code u} and {@code v} are friends. */
    public boolean connected(int u, int v) {
        return Arrays.binarySearch(neighbours, rowStart[u], rowStart[u + 1], v) >= 0;
    }

    /** CSR row offsets (shared: do not modify). */
    public int[] csrRowStart() {
        return rowStart;
    }

    /** CSR neighbour indices (shared: do not modify). */
    public int[] csrNeighbours() {
        return neighbours;
    }

    /** Returns the same graph over a larger user id space that extends the current one. */
    public SocialGraph withUsers(IdMap newUsers) {
        if (!users.isPrefixOf(newUsers)) {
            throw new IllegalArgumentException("the new user id space must extend the current one");
        }
        int[] rs = Arrays.copyOf(rowStart, newUsers.size() + 1);
        Arrays.fill(rs, users.size() + 1, rs.length, rowStart[users.size()]);
        return new SocialGraph(newUsers, rs, neighbours);
    }

    @Override
    public String toString() {
        return "SocialGraph[" + numUsers() + " users, " + numEdges() + " edges]";
    }
}
