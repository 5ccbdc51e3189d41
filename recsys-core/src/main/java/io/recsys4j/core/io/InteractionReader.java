package io.recsys4j.core.io;

import io.recsys4j.core.IdMap;
import io.recsys4j.core.Interactions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads interaction files into {@link Interactions}. Immutable and reusable; each
 * {@code with...} method returns a changed copy.
 *
 * <ul>
 *   <li>{@link #lightGcn()}: one user per line, {@code uid iid iid ...}, whitespace
 *       separated, non-negative integer ids. The id spaces are {@code 0..max id} in numeric
 *       order, so index equals id and items nobody touched are still in the catalogue, as in
 *       the reference LightGCN code. That catalogue is bounded by the data, so that one huge id
 *       cannot take the memory of a billion phantom items: at most
 *       {@code max(}{@value #MIN_CATALOGUE_LIMIT}{@code , }{@value #CATALOGUE_FACTOR}{@code  x the distinct ids in the file)}
 *       ids on each side, or the limit set by {@link #withCatalogueLimit}; a larger id is an error
 *       naming the line where it first appears.</li>
 *   <li>{@link #movieLens()}: {@code ratings.csv} with a header naming some of
 *       {@code userId, movieId, rating, timestamp} (the first two required), numeric ids.
 *       With {@link #withMinRating} only ratings at or above the threshold are kept (implicit
 *       feedback); the others are counted as {@code "below rating threshold"}.</li>
 *   <li>{@link #pairs()}: {@code user<SEP>item[<SEP>extra...]}, string ids, optional
 *       weight and timestamp columns; other extra columns are ignored (the Last.fm files).</li>
 * </ul>
 *
 * <p>Blank lines are skipped and counted. A repeated (user, item) pair rejects the file
 * unless {@link #withDuplicates} says {@link DuplicatePolicy#SKIP} (keep the first, counted
 * as {@code "duplicate interaction"}) or {@link DuplicatePolicy#MERGE} (fold the repeats into
 * one interaction by the rule of {@link Interactions}, counted as
 * {@code "merged duplicate interaction"}); either way the data has distinct pairs.
 */
public final class InteractionReader {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** {@link LoadReport} reason of a repeat skipped under {@link DuplicatePolicy#SKIP}. */
    static final String DUPLICATE = "duplicate interaction";
    /** {@link LoadReport} reason of a repeat merged under {@link DuplicatePolicy#MERGE}. */
    static final String MERGED = "merged duplicate interaction";

    /** The lightgcn format's catalogue may always hold this many ids. */
    public static final int MIN_CATALOGUE_LIMIT = 1 << 16;
    /** ...or this many times the distinct ids of the file. */
    public static final int CATALOGUE_FACTOR = 8;
    /** The largest catalogue an int-indexed array can hold. */
    private static final int MAX_CATALOGUE = Integer.MAX_VALUE - 8;

    private enum Format { LIGHTGCN, MOVIELENS, PAIRS }

    private final Format format;
    private final DuplicatePolicy duplicates;
    private final double minRating;
    private final String delimiter;
    private final int weightColumn;
    private final int timeColumn;
    private final boolean header;
    /** lightgcn: the largest catalogue allowed, or 0 for the default rule. */
    private final int catalogueLimit;

    private InteractionReader(Format format, DuplicatePolicy duplicates, double minRating, String delimiter,
                              int weightColumn, int timeColumn, boolean header) {
        this(format, duplicates, minRating, delimiter, weightColumn, timeColumn, header, 0);
    }

    private InteractionReader(Format format, DuplicatePolicy duplicates, double minRating, String delimiter,
                              int weightColumn, int timeColumn, boolean header, int catalogueLimit) {
        this.catalogueLimit = catalogueLimit;
        this.format = format;
        this.duplicates = duplicates;
        this.minRating = minRating;
        this.delimiter = delimiter;
        this.weightColumn = weightColumn;
        this.timeColumn = timeColumn;
        this.header = header;
    }

    /** A reader of the LightGCN line format {@code uid iid iid ...}. */
    public static InteractionReader lightGcn() {
        return new InteractionReader(Format.LIGHTGCN, DuplicatePolicy.REJECT, Double.NaN, null, -1, -1, false);
    }

    /** A reader of MovieLens {@code ratings.csv} (with header); keeps every rating. */
    public static InteractionReader movieLens() {
        return new InteractionReader(Format.MOVIELENS, DuplicatePolicy.REJECT, Double.NaN, ",", -1, -1, true);
    }

    /** A reader of tab-separated {@code user<TAB>item[<TAB>...]} pairs without header. */
    public static InteractionReader pairs() {
        return new InteractionReader(Format.PAIRS, DuplicatePolicy.REJECT, Double.NaN, "\t", -1, -1, false);
    }

    /**
     * Returns the named reader: {@code lightgcn}, {@code movielens} or {@code pairs}.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static InteractionReader forFormat(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "lightgcn" -> lightGcn();
            case "movielens" -> movieLens();
            case "pairs" -> pairs();
            default -> throw new IllegalArgumentException("unknown format '" + name + "' (lightgcn, movielens, pairs)");
        };
    }

    /** What to do with a repeated (user, item) pair. */
    public InteractionReader withDuplicates(DuplicatePolicy policy) {
        return new InteractionReader(format, Objects.requireNonNull(policy), minRating, delimiter, weightColumn, timeColumn, header,
                catalogueLimit);
    }

    /**
     * lightgcn: allow id spaces {@code 0..max id} of up to {@code maxIds} ids on each side,
     * instead of the default bound relative to the file's distinct ids.
     *
     * @throws IllegalArgumentException if {@code maxIds < 1} or above what an array can index
     */
    public InteractionReader withCatalogueLimit(long maxIds) {
        requireFormat(Format.LIGHTGCN, "withCatalogueLimit");
        if (maxIds < 1 || maxIds > MAX_CATALOGUE) {
            throw new IllegalArgumentException("catalogue limit must be in 1.." + MAX_CATALOGUE + ", found " + maxIds);
        }
        return new InteractionReader(format, duplicates, minRating, delimiter, weightColumn, timeColumn, header, (int) maxIds);
    }

    /** MovieLens: keep only ratings {@code >= threshold}. */
    public InteractionReader withMinRating(double threshold) {
        requireFormat(Format.MOVIELENS, "withMinRating");
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite, found " + threshold);
        }
        return new InteractionReader(format, duplicates, threshold, delimiter, weightColumn, timeColumn, header);
    }

    /** Pairs: the field delimiter (default tab). */
    public InteractionReader withDelimiter(String delimiter) {
        requireFormat(Format.PAIRS, "withDelimiter");
        if (delimiter == null || delimiter.isEmpty()) {
            throw new IllegalArgumentException("delimiter must not be empty");
        }
        return new InteractionReader(format, duplicates, minRating, delimiter, weightColumn, timeColumn, header);
    }

    /** Pairs: 0-based column holding a numeric weight (e.g. a listen count). */
    public InteractionReader withWeightColumn(int column) {
        requireFormat(Format.PAIRS, "withWeightColumn");
        requireExtraColumn(column);
        return new InteractionReader(format, duplicates, minRating, delimiter, column, timeColumn, header);
    }

    /** Pairs: 0-based column holding an integer timestamp. */
    public InteractionReader withTimestampColumn(int column) {
        requireFormat(Format.PAIRS, "withTimestampColumn");
        requireExtraColumn(column);
        return new InteractionReader(format, duplicates, minRating, delimiter, weightColumn, column, header);
    }

    /** Pairs: whether the first line is a header to skip (default false). */
    public InteractionReader withHeader(boolean hasHeader) {
        requireFormat(Format.PAIRS, "withHeader");
        return new InteractionReader(format, duplicates, minRating, delimiter, weightColumn, timeColumn, hasHeader);
    }

    private void requireFormat(Format f, String method) {
        if (format != f) {
            throw new IllegalStateException(method + " applies to the " + f.name().toLowerCase(Locale.ROOT)
                    + " format, not " + format.name().toLowerCase(Locale.ROOT));
        }
    }

    private static void requireExtraColumn(int column) {
        if (column < 2) {
            throw new IllegalArgumentException("extra columns start at 2 (0 is user, 1 is item), found " + column);
        }
    }

    /**
     * Reads the file.
     *
     * @throws MalformedDataException naming file, line and problem for any bad line or an empty file
     * @throws IOException if the file cannot be read
     */
    public Loaded<Interactions> read(Path file) throws IOException {
        try (LineSource src = new LineSource(file)) {
            Interactions data;
            try {
                data = switch (format) {
                    case LIGHTGCN -> readLightGcn(src);
                    case MOVIELENS -> readMovieLens(src);
                    case PAIRS -> readPairs(src);
                };
            } catch (IllegalArgumentException e) {
                // Every line parsed, yet the whole does not make a data set (merged weights beyond a float's range).
                throw new MalformedDataException(file, 0, e.getMessage());
            }
            src.requireRecords();
            return new Loaded<>(data, src.report());
        }
    }

    /** Tracks repeats according to the policy, and counts the records kept. */
    private final class Dedup {
        private final PairSet seen = new PairSet();

        /**
         * True if the pair should go into the data: a new pair (a record), or under
         * {@link DuplicatePolicy#MERGE} a repeat that {@link Interactions#of} folds into it.
         */
        boolean keep(LineSource src, int u, int i, String userId, String itemId) throws MalformedDataException {
            if (seen.add(u, i)) {
                src.kept();
                return true;
            }
            switch (duplicates) {
                case REJECT -> throw src.error("duplicate interaction (user " + userId + ", item " + itemId + ")");
                case SKIP -> {
                    src.skip(DUPLICATE);
                    return false;
                }
                default -> {
                    src.skip(MERGED);
                    return true;
                }
            }
        }
    }

    private Interactions readLightGcn(LineSource src) throws IOException {
        IntList users = new IntList();
        IntList items = new IntList();
        IntList lineUsers = new IntList();
        Dedup dedup = new Dedup();
        int maxUser = -1;
        int maxItem = -1;
        long maxUserLine = 0;
        long maxItemLine = 0;
        for (String line = src.next(); line != null; line = src.next()) {
            String t = line.strip();
            if (t.isEmpty()) {
                src.skip("blank line");
                continue;
            }
            String[] tok = WHITESPACE.split(t);
            int u = src.parseIndex(tok[0], "user id");
            lineUsers.add(u);
            if (u > maxUser) {
                maxUser = u;
                maxUserLine = src.lineNo();
            }
            for (int k = 1; k < tok.length; k++) {
                int i = src.parseIndex(tok[k], "item id");
                if (dedup.keep(src, u, i, tok[0], tok[k])) {
                    users.add(u);
                    items.add(i);
                    if (i > maxItem) {
                        maxItem = i;
                        maxItemLine = src.lineNo();
                    }
                }
            }
            if (tok.length == 1) {
                // A user listed without items is part of the catalogue, not an error.
                src.skip("user line without items");
            }
        }
        if (users.size() == 0) {
            src.requireRecords();
        }
        requireCatalogue(src, "user", maxUser, maxUserLine, lineUsers);
        requireCatalogue(src, "item", maxItem, maxItemLine, items);
        return Interactions.of(IdMap.range(maxUser + 1), IdMap.range(maxItem + 1), users.toArray(), items.toArray(), null, null);
    }

    /** Refuses an id space {@code 0..maxId} far larger than the ids the file holds. */
    private void requireCatalogue(LineSource src, String side, int maxId, long line, IntList ids)
            throws MalformedDataException {
        long size = maxId + 1L;
        if (catalogueLimit > 0) {
            if (size > catalogueLimit) {
                throw new MalformedDataException(src.file(), line, side + " id " + maxId + " would make a catalogue of "
                        + size + " " + side + "s, above the limit of " + catalogueLimit + " set for this reader");
            }
            return;
        }
        if (size <= MIN_CATALOGUE_LIMIT) {
            return;
        }
        int distinct = ids.distinct();
        long bound = Math.min(MAX_CATALOGUE, Math.max(MIN_CATALOGUE_LIMIT, (long) CATALOGUE_FACTOR * distinct));
        if (size > bound) {
            throw new MalformedDataException(src.file(), line, side + " id " + maxId + " would make a catalogue of "
                    + size + " " + side + "s (the lightgcn format keeps ids 0..max id) for " + distinct + " distinct "
                    + side + " ids in the file; the bound is max(" + MIN_CATALOGUE_LIMIT + ", " + CATALOGUE_FACTOR
                    + " x distinct ids) = " + bound + " (--catalogue N to allow more)");
        }
    }

    private Interactions readMovieLens(LineSource src) throws IOException {
        String head = src.next();
        if (head == null) {
            throw src.error("the file is empty");
        }
        String[] cols = head.strip().split(",", -1);
        int userCol = -1;
        int itemCol = -1;
        int ratingCol = -1;
        int timeCol = -1;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int c = 0; c < cols.length; c++) {
            if (!seen.add(cols[c].strip())) {
                throw src.error("column '" + cols[c].strip() + "' appears twice in the header");
            }
            switch (cols[c].strip()) {
                case "userId" -> userCol = c;
                case "movieId" -> itemCol = c;
                case "rating" -> ratingCol = c;
                case "timestamp" -> timeCol = c;
                default -> throw src.error("unknown column '" + cols[c].strip()
                        + "' in header (expected userId, movieId, rating, timestamp)");
            }
        }
        if (userCol < 0 || itemCol < 0) {
            throw src.error("header must name userId and movieId, found '" + head.strip() + "'");
        }
        if (!Double.isNaN(minRating) && ratingCol < 0) {
            throw src.error("a rating threshold was set but the header has no rating column");
        }
        IdMap.Builder userIds = new IdMap.Builder();
        IdMap.Builder itemIds = new IdMap.Builder();
        IntList users = new IntList();
        IntList items = new IntList();
        float[] weights = new float[1024];
        long[] times = new long[1024];
        Dedup dedup = new Dedup();
        for (String line = src.next(); line != null; line = src.next()) {
            if (line.isBlank()) {
                src.skip("blank line");
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != cols.length) {
                throw src.error("expected " + cols.length + " fields, found " + f.length);
            }
            String uid = f[userCol].strip();
            String iid = f[itemCol].strip();
            src.parseIndex(uid, "userId");
            src.parseIndex(iid, "movieId");
            double rating = ratingCol < 0 ? 1.0 : src.parseFloat(f[ratingCol].strip(), "rating");
            long time = timeCol < 0 ? 0L : src.parseLong(f[timeCol].strip(), "timestamp");
            if (!Double.isNaN(minRating) && rating < minRating) {
                src.skip("below rating threshold");
                continue;
            }
            int u = userIds.add(uid);
            int i = itemIds.add(iid);
            if (!dedup.keep(src, u, i, uid, iid)) {
                continue;
            }
            int n = users.size();
            if (n == weights.length) {
                weights = java.util.Arrays.copyOf(weights, n * 2);
                times = java.util.Arrays.copyOf(times, n * 2);
            }
            weights[n] = (float) rating;
            times[n] = time;
            users.add(u);
            items.add(i);
        }
        int n = users.size();
        return Interactions.of(userIds.build(), itemIds.build(), users.toArray(), items.toArray(),
                ratingCol < 0 ? null : java.util.Arrays.copyOf(weights, n),
                timeCol < 0 ? null : java.util.Arrays.copyOf(times, n));
    }

    private Interactions readPairs(LineSource src) throws IOException {
        if (header && src.next() == null) {
            throw src.error("the file is empty");
        }
        IdMap.Builder userIds = new IdMap.Builder();
        IdMap.Builder itemIds = new IdMap.Builder();
        IntList users = new IntList();
        IntList items = new IntList();
        float[] weights = weightColumn < 0 ? null : new float[1024];
        long[] times = timeColumn < 0 ? null : new long[1024];
        int needed = Math.max(2, Math.max(weightColumn, timeColumn) + 1);
        Dedup dedup = new Dedup();
        String quoted = Pattern.quote(delimiter);
        for (String line = src.next(); line != null; line = src.next()) {
            if (line.isBlank()) {
                src.skip("blank line");
                continue;
            }
            String[] f = line.split(quoted, -1);
            if (f.length < needed) {
                throw src.error("expected at least " + needed + " fields separated by "
                        + (delimiter.equals("\t") ? "TAB" : "'" + delimiter + "'") + ", found " + f.length);
            }
            String uid = f[0].strip();
            String iid = f[1].strip();
            if (uid.isEmpty() || iid.isEmpty()) {
                throw src.error("empty " + (uid.isEmpty() ? "user" : "item") + " id");
            }
            float w = weightColumn < 0 ? 1f : src.parseFloat(f[weightColumn].strip(), "weight in column " + weightColumn);
            long t = timeColumn < 0 ? 0L : src.parseLong(f[timeColumn].strip(), "timestamp in column " + timeColumn);
            int u = userIds.add(uid);
            int i = itemIds.add(iid);
            if (!dedup.keep(src, u, i, uid, iid)) {
                continue;
            }
            int n = users.size();
            if (weights != null) {
                if (n == weights.length) {
                    weights = java.util.Arrays.copyOf(weights, n * 2);
                }
                weights[n] = w;
            }
            if (times != null) {
                if (n == times.length) {
                    times = java.util.Arrays.copyOf(times, n * 2);
                }
                times[n] = t;
            }
            users.add(u);
            items.add(i);
        }
        int n = users.size();
        return Interactions.of(userIds.build(), itemIds.build(), users.toArray(), items.toArray(),
                weights == null ? null : java.util.Arrays.copyOf(weights, n),
                times == null ? null : java.util.Arrays.copyOf(times, n));
    }

    /** A growable int array. */
    static final class IntList {
        private int[] a = new int[1024];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int size() {
            return n;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }

        /** The number of distinct values (sorts a copy). */
        int distinct() {
            int[] s = toArray();
            java.util.Arrays.sort(s);
            int d = 0;
            for (int k = 0; k < s.length; k++) {
                if (k == 0 || s[k] != s[k - 1]) {
                    d++;
                }
            }
            return d;
        }
    }

    @Override
    public String toString() {
        return "InteractionReader[" + format.name().toLowerCase(Locale.ROOT) + "]";
    }
}
