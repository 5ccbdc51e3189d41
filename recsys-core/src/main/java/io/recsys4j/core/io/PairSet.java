package io.recsys4j.core.io;

/** An open-addressing set of (int, int) pairs; far lighter than a HashSet of boxed longs. */
final class PairSet {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] table = newTable(1 << 10);
    private int size;

    private static long[] newTable(int cap) {
        long[] t = new long[cap];
        java.util.Arrays.fill(t, EMPTY);
        return t;
    }

    /** Adds the pair; returns false if it was already there. */
    boolean add(int a, int b) {
        long key = ((long) a << 32) | (b & 0xffffffffL);
        if (key == EMPTY) {
            throw new IllegalArgumentException("pair not representable");
        }
        if (2 * (size + 1) > table.length) {
            rehash();
        }
        if (insert(table, key)) {
            size++;
            return true;
        }
        return false;
    }

    private static boolean insert(long[] t, long key) {
        int mask = t.length - 1;
        int i = (int) (mix(key) & mask);
        while (t[i] != EMPTY) {
            if (t[i] == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
        t[i] = key;
        return true;
    }

    private void rehash() {
        long[] t = newTable(table.length * 2);
        for (long k : table) {
            if (k != EMPTY) {
                insert(t, k);
            }
        }
        table = t;
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }
}
