package io.recsys4j.core;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;

/**
 * An immutable, bidirectional map between external string ids and dense indices
 * {@code 0 .. size()-1}. Indices follow insertion order, so a map built from the LightGCN
 * format's ids {@code 0..n-1} maps every id to the same number.
 *
 * <p>Integer ids are held compactly: {@link #range} stores only its size, and a map whose ids
 * are all canonical decimal integers ({@code "42"}, not {@code "042"} or {@code "+42"}) stores an
 * {@code int} per id and makes the id's string only when one is asked for. Data sets with
 * millions of numeric ids would otherwise pay a String and a hash-map entry per id.
 *
 * <p>Thread-safe.
 */
public final class IdMap {
    /** The ids; one of three layouts, chosen by what the ids are. */
    private final Ids store;

    private IdMap(Ids store) {
        this.store = store;
    }

    /**
     * Returns a map over the given ids, in order.
     *
     * @throws IllegalArgumentException if an id is repeated
     * @throws NullPointerException if an id is null
     */
    public static IdMap of(List<String> ids) {
        Builder b = new Builder();
        for (String id : ids) {
            Objects.requireNonNull(id, "id");
            if (b.contains(id)) {
                throw new IllegalArgumentException("duplicate id '" + id + "'");
            }
            b.add(id);
        }
        return b.build();
    }

    /** Returns the map of ids {@code "0" .. "n-1"} to themselves, in constant memory. */
    public static IdMap range(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, found " + n);
        }
        return new IdMap(new Range(n));
    }

    /**
     * Returns a map that keeps every index of {@code first} and appends the ids of
     * {@code second} that {@code first} lacks, in {@code second}'s order.
     */
    public static IdMap union(IdMap first, IdMap second) {
        if (first.store instanceof Range a && second.store instanceof Range b) {
            return a.n >= b.n ? first : second;
        }
        Builder b = new Builder(first);
        for (int i = 0; i < second.size(); i++) {
            b.add(second.id(i));
        }
        return b.build();
    }

    /** Number of ids. */
    public int size() {
        return store.size();
    }

    /** Returns the external id of {@code index}. */
    public String id(int index) {
        if (index < 0 || index >= store.size()) {
            throw new IndexOutOfBoundsException("index " + index + " outside 0.." + (store.size() - 1));
        }
        return store.id(index);
    }

    /** Returns the index of {@code id}, or -1 if it is not in the map. */
    public int indexOf(String id) {
        return store.indexOf(id);
    }

    /**
     * Returns the index of {@code id}.
     *
     * @throws java.util.NoSuchElementException if the id is unknown
     */
    public int require(String id) {
        int i = indexOf(id);
        if (i < 0) {
            throw new java.util.NoSuchElementException("unknown id '" + id + "'");
        }
        return i;
    }

    /** True if {@code id} is in the map. */
    public boolean contains(String id) {
        return indexOf(id) >= 0;
    }

    /** True if every id of {@code this} has the same index in {@code other}. */
    public boolean isPrefixOf(IdMap other) {
        if (other.size() < size()) {
            return false;
        }
        if (store instanceof Range && other.store instanceof Range) {
            return true;
        }
        for (int i = 0; i < size(); i++) {
            if (!store.id(i).equals(other.store.id(i))) {
                return false;
            }
        }
        return true;
    }

    /** The ids in index order, as an unmodifiable list whose strings are made as they are read. */
    public List<String> ids() {
        return new AbstractList<>() {
            @Override
            public String get(int index) {
                return id(index);
            }

            @Override
            public int size() {
                return store.size();
            }

            @Override
            public int indexOf(Object o) {
                return o instanceof String s ? IdMap.this.indexOf(s) : -1;
            }

            @Override
            public boolean contains(Object o) {
                return indexOf(o) >= 0;
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdMap m && m.size() == size() && (size() == 0 || isPrefixOf(m));
    }

    /** Size and the last id: cheap for a map of any size, and equal for equal maps. */
    @Override
    public int hashCode() {
        int n = size();
        return n == 0 ? 0 : 31 * n + store.id(n - 1).hashCode();
    }

    @Override
    public String toString() {
        return "IdMap[" + size() + " ids]";
    }

    /** The canonical decimal value of {@code id}, or {@link Long#MIN_VALUE} if it is not one. */
    static long canonicalInt(String id) {
        int n = id.length();
        if (n == 0 || n > 11) {
            return Long.MIN_VALUE;
        }
        int start = id.charAt(0) == '-' ? 1 : 0;
        if (start == n || (id.charAt(start) == '0' && (n - start > 1 || start == 1))) {
            return Long.MIN_VALUE; // "-", leading zeros, "-0"
        }
        long v = 0;
        for (int k = start; k < n; k++) {
            char c = id.charAt(k);
            if (c < '0' || c > '9') {
                return Long.MIN_VALUE;
            }
            v = v * 10 + (c - '0');
        }
        v = start == 1 ? -v : v;
        return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? Long.MIN_VALUE : v;
    }

    private interface Ids {
        int size();

        String id(int index);

        int indexOf(String id);
    }

    /** {@code "0" .. "n-1"}. */
    private record Range(int n) implements Ids {
        @Override
        public int size() {
            return n;
        }

        @Override
        public String id(int index) {
            return Integer.toString(index);
        }

        @Override
        public int indexOf(String id) {
            long v = canonicalInt(id);
            return v >= 0 && v < n ? (int) v : -1;
        }
    }

    /** Canonical integer ids in any order, with an open-addressing index. */
    private record Ints(int[] ids, IntIndex index) implements Ids {
        @Override
        public int size() {
            return ids.length;
        }

        @Override
        public String id(int i) {
            return Integer.toString(ids[i]);
        }

        @Override
        public int indexOf(String id) {
            long v = canonicalInt(id);
            return v == Long.MIN_VALUE ? -1 : index.get((int) v, ids);
        }
    }

    private record Strings(String[] ids, HashMap<String, Integer> index) implements Ids {
        @Override
        public int size() {
            return ids.length;
        }

        @Override
        public String id(int i) {
            return ids[i];
        }

        @Override
        public int indexOf(String id) {
            Integer i = index.get(id);
            return i == null ? -1 : i;
        }
    }

    /**
     * Integer key to position in a key array, by linear probing over a power-of-two table of
     * positions (+1, so that 0 means empty). Kept at most half full.
     */
    private static final class IntIndex {
        private int[] slots = new int[16];

        int get(int key, int[] keys) {
            int mask = slots.length - 1;
            for (int s = mix(key) & mask; ; s = (s + 1) & mask) {
                int p = slots[s];
                if (p == 0) {
                    return -1;
                }
                if (keys[p - 1] == key) {
                    return p - 1;
                }
            }
        }

        /** Adds position {@code pos} of {@code keys}, whose first {@code count} entries are indexed. */
        void put(int pos, int[] keys, int count) {
            if (2 * (count + 1) > slots.length) {
                int[] old = slots;
                slots = new int[old.length * 2];
                for (int p : old) {
                    if (p != 0) {
                        insert(p, keys[p - 1]);
                    }
                }
            }
            insert(pos + 1, keys[pos]);
        }

        private void insert(int slotValue, int key) {
            int mask = slots.length - 1;
            int s = mix(key) & mask;
            while (slots[s] != 0) {
                s = (s + 1) & mask;
            }
            slots[s] = slotValue;
        }

        IntIndex copy() {
            IntIndex c = new IntIndex();
            c.slots = slots.clone();
            return c;
        }

        private static int mix(int key) {
            int h = key * 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }

    /**
     * Collects ids in first-seen order; not thread-safe. While every id is a canonical integer
     * it keeps {@code int}s; the first other id converts it to strings.
     */
    public static final class Builder {
        private int[] ints = new int[16];
        private IntIndex intIndex = new IntIndex();
        private java.util.ArrayList<String> strings;
        private HashMap<String, Integer> stringIndex;
        private int size;

        /** An empty builder. */
        public Builder() {
        }

        /** A builder that starts with the ids of {@code start}, at the same indices. */
        public Builder(IdMap start) {
            for (int i = 0; i < start.size(); i++) {
                add(start.store.id(i));
            }
        }

        /** Returns the index of {@code id}, adding it at the end if it is new. */
        public int add(String id) {
            Objects.requireNonNull(id, "id");
            if (strings == null) {
                long v = canonicalInt(id);
                if (v != Long.MIN_VALUE) {
                    int i = intIndex.get((int) v, ints);
                    if (i >= 0) {
                        return i;
                    }
                    if (size == ints.length) {
                        ints = Arrays.copyOf(ints, size * 2);
                    }
                    ints[size] = (int) v;
                    intIndex.put(size, ints, size);
                    return size++;
                }
                toStrings();
            }
            Integer i = stringIndex.get(id);
            if (i != null) {
                return i;
            }
            strings.add(id);
            stringIndex.put(id, size);
            return size++;
        }

        private void toStrings() {
            strings = new java.util.ArrayList<>(Math.max(16, size * 2));
            stringIndex = new HashMap<>(Math.max(16, size * 2));
            for (int i = 0; i < size; i++) {
                String s = Integer.toString(ints[i]);
                strings.add(s);
                stringIndex.put(s, i);
            }
            ints = null;
            intIndex = null;
        }

        /** Returns the index of {@code id}, or -1. */
        public int indexOf(String id) {
            if (strings == null) {
                long v = canonicalInt(id);
                return v == Long.MIN_VALUE ? -1 : intIndex.get((int) v, ints);
            }
            Integer i = stringIndex.get(id);
            return i == null ? -1 : i;
        }

        /** True if the id was added. */
        public boolean contains(String id) {
            return indexOf(id) >= 0;
        }

        /** Number of ids so far. */
        public int size() {
            return size;
        }

        /** Returns an immutable map of the ids so far; the builder stays usable. */
        public IdMap build() {
            if (strings != null) {
                return new IdMap(new Strings(strings.toArray(new String[0]), new HashMap<>(stringIndex)));
            }
            boolean identity = true;
            for (int i = 0; i < size && identity; i++) {
                identity = ints[i] == i;
            }
            if (identity) {
                return range(size);
            }
            int[] keys = Arrays.copyOf(ints, size);
            return new IdMap(new Ints(keys, intIndex.copy()));
        }
    }
}
