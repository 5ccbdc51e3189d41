package io.recsys4j.core;

import java.util.Arrays;
import java.util.Objects;

/**
 * Immutable texts (titles, descriptions, profiles) for the entities of an id space; an
 * entity without text has {@code null}. Thread-safe.
 */
public final class TextTable {
    private final IdMap ids;
    private final String[] texts;

    private TextTable(IdMap ids, String[] texts) {
        this.ids = ids;
        this.texts = texts;
    }

    /**
     * Returns the table; {@code texts[i]} is the text of index {@code i} or null.
     *
     * @throws IllegalArgumentException if the lengths differ
     */
    public static TextTable of(IdMap ids, String[] texts) {
        Objects.requireNonNull(ids, "ids");
        if (texts.length != ids.size()) {
            throw new IllegalArgumentException(texts.length + " texts for " + ids.size() + " ids");
        }
        return new TextTable(ids, texts.clone());
    }

    /** The id space. */
    public IdMap ids() {
        return ids;
    }

    /** Text of index {@code i}, or null if it has none. */
    public String text(int i) {
        return texts[i];
    }

    /** Number of entities that have a text. */
    public int count() {
        return (int) Arrays.stream(texts).filter(Objects::nonNull).count();
    }

    /**
     * Returns the texts of {@code target}'s ids, null for ids this table lacks. Texts of ids
     * outside {@code target} are not carried over: {@link #countMissingFrom} tells how many.
     */
    public TextTable alignTo(IdMap target) {
        String[] out = new String[target.size()];
        for (int i = 0; i < out.length; i++) {
            int j = ids.indexOf(target.id(i));
            out[i] = j < 0 ? null : texts[j];
        }
        return new TextTable(target, out);
    }

    /** Number of this table's ids that {@code target} lacks. */
    public int countMissingFrom(IdMap target) {
        int n = 0;
        for (int i = 0; i < texts.length; i++) {
            if (!target.contains(ids.id(i))) {
                n++;
            }
        }
        return n;
    }

    /** Returns the same texts over a larger id space that extends the current one. */
    public TextTable withIds(IdMap newIds) {
        if (!ids.isPrefixOf(newIds)) {
            throw new IllegalArgumentException("the new id space must extend the current one");
        }
        return new TextTable(newIds, Arrays.copyOf(texts, newIds.size()));
    }
}
