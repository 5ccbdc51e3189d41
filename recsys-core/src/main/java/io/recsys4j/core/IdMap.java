package io.recsys4j.core;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, bidirectional map between external string ids and dense indices
 * {@code 0 .. size()-1}. Indices follow insertion order, so a map built from the LightGCN
 * format's ids {@code 0..n-1} maps every id to the same number.
 *
 * <p>Thread-safe.
 */
public final class IdMap {
    private final String[] ids;
    private final Map<String, Integer> index;

    private IdMap(String[] ids, Map<String, Integer> index) {
        this.ids = ids;
        this.index = index;
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

    /** Returns the map of ids {@code "0" .. "n-1"} to themselves. */
    public static IdMap range(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, found " + n);
        }
        Builder b = new Builder();
        for (int i = 0; i < n; i++) {
            b.add(Integer.toString(i));
        }
        return b.build();
    }

    /**
     * Returns a map that keeps every index of {@code first} and appends the ids of
     * {@code second} that {@code first} lacks, in {@code second}'s order.
     */
    public static IdMap union(IdMap first, IdMap second) {
        Builder b = new Builder(first);
        for (String id : second.ids) {
            b.add(id);
        }
        return b.build();
    }

    /** Number of ids. */
    public int size() {
        return ids.length;
    }

    /** Returns the external id of {@code index}. */
    public String id(int index) {
        if (index < 0 || index >= ids.length) {
            throw new IndexOutOfBoundsException("index " + index + " outside 0.." + (ids.length - 1));
        }
        return ids[index];
    }

    /** Returns the index of {@code id}, or -1 if it is not in the map. */
    public int indexOf(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
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
        return index.containsKey(id);
    }

    /** True if every id of {@code this} has the same index in {@code other}. */
    public boolean isPrefixOf(IdMap other) {
        if (other.size() < size()) {
            return false;
        }
        for (int i = 0; i < ids.length; i++) {
            if (!ids[i].equals(other.ids[i])) {
                return false;
            }
        }
        return true;
    }

    /** The ids in index order (a copy). */
    public List<String> ids() {
        return List.of(ids);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdMap m && Arrays.equals(ids, m.ids);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return "IdMap[" + ids.length + " ids]";
    }

    /** Collects ids in first-seen order; not thread-safe. */
    public static final class Builder {
        private final java.util.ArrayList<String> ids = new java.util.ArrayList<>();
        private final HashMap<String, Integer> index = new HashMap<>();

        /** An empty builder. */
        public Builder() {
        }

        /** A builder that starts with the ids of {@code start}, at the same indices. */
        public Builder(IdMap start) {
            for (String id : start.ids) {
                add(id);
            }
        }

        /** Returns the index of {@code id}, adding it at the end if it is new. */
        public int add(String id) {
            Integer i = index.get(id);
            if (i != null) {
                return i;
            }
            int n = ids.size();
            ids.add(id);
            index.put(id, n);
            return n;
        }

        /** Returns the index of {@code id}, or -1. */
        public int indexOf(String id) {
            Integer i = index.get(id);
            return i == null ? -1 : i;
        }

        /** True if the id was added. */
        public boolean contains(String id) {
            return index.containsKey(id);
        }

        /** Number of ids so far. */
        public int size() {
            return ids.size();
        }

        /** Returns an immutable map of the ids so far; the builder stays usable. */
        public IdMap build() {
            return new IdMap(ids.toArray(new String[0]), Map.copyOf(index));
        }
    }
}
