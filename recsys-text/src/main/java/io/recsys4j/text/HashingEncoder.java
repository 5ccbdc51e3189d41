package io.recsys4j.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A dependency-free text encoder: lower-cased word unigrams and bigrams hashed into
 * {@code dim} buckets (a hash-derived sign cancels collisions on average), weighted by
 * TF-IDF with the IDF fitted on a corpus ({@code idf = ln((1 + N) / (1 + df)) + 1}, the
 * smoothed form), then L2-normalised. Chinese, Japanese and Korean script is written without
 * spaces between words, so each of its characters is a token of its own and adjacent tokens
 * form the bigrams: overlapping character bigrams, the usual stand-in for word segmentation
 * in CJK search (Lucene's {@code CJKBigramFilter}). Immutable once fitted; thread-safe.
 */
public final class HashingEncoder implements TextEncoder {
    /** The widest vector offered: far beyond any useful hashing space, and small enough to allocate. */
    public static final int MAX_DIM = 1 << 16;

    private final int dim;
    private final float[] idf;
    private final String name;

    private HashingEncoder(int dim, float[] idf, String name) {
        this.dim = dim;
        this.idf = idf;
        this.name = name;
    }

    /**
     * Fits the IDF on {@code corpus}.
     *
     * @param dim number of hash buckets, {@code >= 1} (e.g. 4096)
     * @throws IllegalArgumentException if {@code dim} is outside {@code 1..}{@value #MAX_DIM} or the corpus is empty
     */
    public static HashingEncoder fit(List<String> corpus, int dim) {
        if (dim < 1 || dim > MAX_DIM) {
            throw new IllegalArgumentException("dim must be in 1.." + MAX_DIM + ", found " + dim);
        }
        if (corpus.isEmpty()) {
            throw new IllegalArgumentException("cannot fit IDF on an empty corpus");
        }
        int[] df = new int[dim];
        boolean[] seen = new boolean[dim];
        List<Integer> touched = new ArrayList<>();
        for (String text : corpus) {
            for (String term : terms(Objects.requireNonNull(text, "text"))) {
                int b = bucket(term, dim);
                if (!seen[b]) {
                    seen[b] = true;
                    touched.add(b);
                }
            }
            for (int b : touched) {
                df[b]++;
                seen[b] = false;
            }
            touched.clear();
        }
        float[] idf = new float[dim];
        long h = 1125899906842597L;
        for (int b = 0; b < dim; b++) {
            idf[b] = (float) (Math.log((1.0 + corpus.size()) / (1.0 + df[b])) + 1);
            h = 31 * h + df[b];
        }
        // "hashing2": CJK text tokenises by character since this version, so cached vectors of the old one do not match.
        return new HashingEncoder(dim, idf, "hashing2-" + dim + "-" + corpus.size() + "-" + Long.toHexString(h));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public float[][] encodeToArrays(List<String> texts) {
        float[][] out = new float[texts.size()][];
        for (int t = 0; t < out.length; t++) {
            out[t] = encodeOne(texts.get(t));
        }
        return out;
    }

    /** One text's vector. */
    public float[] encodeOne(String text) {
        float[] v = new float[dim];
        for (String term : terms(Objects.requireNonNull(text, "text"))) {
            int h = hash(term);
            int b = Math.floorMod(h, dim);
            v[b] += ((h >>> 31) == 0 ? 1f : -1f) * idf[b];
        }
        return Vectors.normalise(v);
    }

    /**
     * Lower-cased tokens, then adjacent-token bigrams: a token is a word (a run of letters and
     * digits) or a single CJK character.
     */
    static List<String> terms(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        String s = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (cjk(cp)) {
                if (w.length() > 0) {
                    words.add(w.toString());
                    w.setLength(0);
                }
                words.add(new String(Character.toChars(cp)));
            } else if (Character.isLetterOrDigit(cp)) {
                w.appendCodePoint(cp);
            } else if (w.length() > 0) {
                words.add(w.toString());
                w.setLength(0);
            }
            i += Character.charCount(cp);
        }
        if (w.length() > 0) {
            words.add(w.toString());
        }
        List<String> terms = new ArrayList<>(words);
        for (int i = 0; i + 1 < words.size(); i++) {
            terms.add(words.get(i) + " " + words.get(i + 1));
        }
        return terms;
    }

    private static boolean cjk(int cp) {
        Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
        return sc == Character.UnicodeScript.HAN || sc == Character.UnicodeScript.HIRAGANA
                || sc == Character.UnicodeScript.KATAKANA || sc == Character.UnicodeScript.HANGUL;
    }

    private static int bucket(String term, int dim) {
        return Math.floorMod(hash(term), dim);
    }

    /** 32-bit FNV-1a over UTF-16 units, then a murmur finaliser: stable across JVMs. */
    static int hash(String term) {
        int h = 0x811c9dc5;
        for (int i = 0; i < term.length(); i++) {
            h ^= term.charAt(i);
            h *= 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
