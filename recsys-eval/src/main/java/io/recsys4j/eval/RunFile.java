package io.recsys4j.eval;

import io.recsys4j.core.io.MalformedDataException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Another system's ranked output: per user, items best first, with optional scores.
 * Read from {@code user<TAB>item[<TAB>score]} lines, where line order within a user is the
 * rank (a user's lines need not be contiguous). Immutable.
 */
public final class RunFile {
    private final Map<String, List<String>> items;
    private final Map<String, double[]> scores;   // empty when the run has no scores

    private RunFile(Map<String, List<String>> items, Map<String, double[]> scores) {
        this.items = items;
        this.scores = scores;
    }

    /**
     * One line of a run file, newline included: {@code user<TAB>item<TAB>score}, the score in
     * the shortest form that reads back as the same float. What every writer of runs uses.
     */
    public static String line(String user, String item, float score) {
        return user + '\t' + item + '\t' + score + '\n';
    }

    /**
     * Builds a run from rankings (best first) and optional scores aligned with them.
     *
     * @param scores null for a run without scores
     * @throws IllegalArgumentException if a ranking repeats an item or scores do not align
     */
    public static RunFile of(Map<String, List<String>> rankings, Map<String, double[]> scores) {
        Map<String, List<String>> it = new LinkedHashMap<>();
        Map<String, double[]> sc = new LinkedHashMap<>();
        rankings.forEach((u, l) -> {
            if (new HashSet<>(l).size() != l.size()) {
                throw new IllegalArgumentException("the ranking of user " + u + " repeats an item");
            }
            it.put(u, List.copyOf(l));
            if (scores != null) {
                double[] s = scores.get(u);
                if (s == null || s.length != l.size()) {
                    throw new IllegalArgumentException("scores of user " + u + " do not align with the ranking");
                }
                sc.put(u, s.clone());
            }
        });
        return new RunFile(Collections.unmodifiableMap(it), Collections.unmodifiableMap(sc));
    }

    /**
     * Reads a run file.
     *
     * @throws MalformedDataException on a line without 2 or 3 tab-separated fields, a
     *     non-numeric or non-finite score, scores on some lines only, an item repeated for a
     *     user, or an empty file
     */
    public static RunFile read(Path file) throws IOException {
        Map<String, List<String>> items = new LinkedHashMap<>();
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        Map<String, Set<String>> seen = new LinkedHashMap<>();
        int fields = -1;
        long lineNo = 0;
        for (String line : lines(file)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.strip().split("\t", -1);
            if (f.length != 2 && f.length != 3) {
                throw new MalformedDataException(file, lineNo, "expected user<TAB>item[<TAB>score], found " + f.length + " fields");
            }
            if (fields < 0) {
                fields = f.length;
            } else if (fields != f.length) {
                throw new MalformedDataException(file, lineNo, "scores must be on every line or on none");
            }
            String u = f[0].strip();
            String i = f[1].strip();
            if (u.isEmpty() || i.isEmpty()) {
                throw new MalformedDataException(file, lineNo, "empty " + (u.isEmpty() ? "user" : "item") + " id");
            }
            if (!seen.computeIfAbsent(u, k -> new HashSet<>()).add(i)) {
                throw new MalformedDataException(file, lineNo, "item " + i + " ranked twice for user " + u);
            }
            items.computeIfAbsent(u, k -> new ArrayList<>()).add(i);
            if (fields == 3) {
                double s;
                try {
                    s = Double.parseDouble(f[2].strip());
                } catch (NumberFormatException e) {
                    throw new MalformedDataException(file, lineNo, "non-numeric score '" + f[2] + "'");
                }
                if (!Double.isFinite(s)) {
                    throw new MalformedDataException(file, lineNo, "score is not finite: '" + f[2] + "'");
                }
                scores.computeIfAbsent(u, k -> new ArrayList<>()).add(s);
            }
        }
        if (items.isEmpty()) {
            throw new MalformedDataException(file, 0, "no run lines in the file");
        }
        Map<String, double[]> sc = null;
        if (fields == 3) {
            sc = new LinkedHashMap<>();
            for (var e : scores.entrySet()) {
                sc.put(e.getKey(), e.getValue().stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
        return of(items, sc);
    }

    /**
     * Reads a ground-truth file of {@code user<TAB>item} lines into sets per user. A repeated
     * line adds nothing to a set; the number of repeats is returned in {@code repeats[0]}
     * when {@code repeats} is not null.
     *
     * @throws MalformedDataException on a line without exactly 2 tab-separated fields or an empty file
     */
    public static Map<String, Set<String>> readTruth(Path file, long[] repeats) throws IOException {
        Map<String, Set<String>> truth = new LinkedHashMap<>();
        long lineNo = 0;
        long rep = 0;
        for (String line : lines(file)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.strip().split("\t", -1);
            if (f.length != 2) {
                throw new MalformedDataException(file, lineNo, "expected user<TAB>item, found " + f.length + " fields");
            }
            String u = f[0].strip();
            String i = f[1].strip();
            if (u.isEmpty() || i.isEmpty()) {
                throw new MalformedDataException(file, lineNo, "empty " + (u.isEmpty() ? "user" : "item") + " id");
            }
            if (!truth.computeIfAbsent(u, k -> new LinkedHashSet<>()).add(i)) {
                rep++;
            }
        }
        if (truth.isEmpty()) {
            throw new MalformedDataException(file, 0, "no truth lines in the file");
        }
        if (repeats != null) {
            repeats[0] = rep;
        }
        return truth;
    }

    private static List<String> lines(Path file) throws IOException {
        return io.recsys4j.core.internal.Utf8Lines.readAll(file);
    }

    /** Users with a ranking, in first-seen order. */
    public Set<String> users() {
        return items.keySet();
    }

    /** The user's ranking, best first; empty if the user has none. */
    public List<String> ranking(String user) {
        return items.getOrDefault(user, List.of());
    }

    /** True if the run carries scores. */
    public boolean hasScores() {
        return !scores.isEmpty();
    }

    /**
     * Scores aligned with {@link #ranking}; without scores, {@code -position} (so the rank
     * decides and there are no ties).
     */
    public double[] scores(String user) {
        double[] s = scores.get(user);
        if (s != null) {
            return s.clone();
        }
        int n = ranking(user).size();
        double[] r = new double[n];
        for (int k = 0; k < n; k++) {
            r[k] = -k;
        }
        return r;
    }
}
