package io.recsys4j.core.io;

import io.recsys4j.core.IdMap;
import io.recsys4j.core.TextTable;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads id-to-text tables into a {@link TextTable} whose id space lists the ids in file order.
 *
 * <ul>
 *   <li>{@link #tsv(Path)}: {@code id<TAB>text} per line (the text may contain further tabs,
 *       kept as spaces); a repeated id rejects the file.</li>
 *   <li>{@link #movieLens(Path, Path)}: MovieLens {@code movies.csv} (quoted CSV with header
 *       {@code movieId,title,genres}) and optionally {@code tags.csv}
 *       ({@code userId,movieId,tag,timestamp}); a movie's text is
 *       {@code "<title>. Genres: <g1>, <g2>. Tags: <t1>, <t2>"}, its distinct tags in file
 *       order. A tag for a movie not in {@code movies.csv} rejects the file.</li>
 * </ul>
 */
public final class TextReader {
    private TextReader() {
    }

    /**
     * Reads {@code id<TAB>text} lines.
     *
     * @throws MalformedDataException naming file, line and problem
     */
    public static Loaded<TextTable> tsv(Path file) throws IOException {
        try (LineSource src = new LineSource(file)) {
            IdMap.Builder ids = new IdMap.Builder();
            List<String> texts = new ArrayList<>();
            for (String line = src.next(); line != null; line = src.next()) {
                if (line.isBlank()) {
                    src.skip("blank line");
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    throw src.error("expected id<TAB>text");
                }
                String id = line.substring(0, tab).strip();
                if (id.isEmpty()) {
                    throw src.error("empty id");
                }
                if (ids.contains(id)) {
                    throw src.error("duplicate id '" + id + "'");
                }
                ids.add(id);
                texts.add(line.substring(tab + 1).replace('\t', ' ').strip());
                src.kept();
            }
            src.requireRecords();
            return new Loaded<>(TextTable.of(ids.build(), texts.toArray(new String[0])), src.report());
        }
    }

    /**
     * Reads MovieLens movies (and tags, if {@code tagsCsv} is not null).
     *
     * @throws MalformedDataException naming file, line and problem
     */
    public static Loaded<TextTable> movieLens(Path moviesCsv, Path tagsCsv) throws IOException {
        Path[] reading = {moviesCsv};
        try {
            return readMovieLens(moviesCsv, tagsCsv, reading);
        } catch (org.apache.commons.csv.CSVException e) {
            throw csvError(reading[0], e);
        } catch (java.io.UncheckedIOException e) {
            // the parser's iterator wraps its errors
            if (e.getCause() instanceof org.apache.commons.csv.CSVException c) {
                throw csvError(reading[0], c);
            }
            throw e;
        } catch (IllegalArgumentException | IllegalStateException e) {
            // commons-csv's word for a header it cannot use (a repeated or empty name) or a record it cannot map
            throw new MalformedDataException(reading[0], 0, "malformed CSV: " + e.getMessage());
        }
    }

    private static final java.util.regex.Pattern CSV_LINE = java.util.regex.Pattern.compile("\\((?:start)?line (\\d+)\\)");

    /** The parser's error as ours, at the line it names ("(startline 3) EOF reached before encapsulated token finished"). */
    private static MalformedDataException csvError(Path file, org.apache.commons.csv.CSVException e) {
        String m = String.valueOf(e.getMessage());
        java.util.regex.Matcher lm = CSV_LINE.matcher(m);
        long line = lm.find() ? Long.parseLong(lm.group(1)) : 0;
        return new MalformedDataException(file, line, "malformed CSV: " + CSV_LINE.matcher(m).replaceAll("").strip());
    }

    private static Loaded<TextTable> readMovieLens(Path moviesCsv, Path tagsCsv, Path[] reading) throws IOException {
        IdMap.Builder ids = new IdMap.Builder();
        List<StringBuilder> texts = new ArrayList<>();
        long lines;
        long records = 0;
        Map<String, Long> skipped = new LinkedHashMap<>();
        try (CSVParser p = open(moviesCsv, "movieId", "title", "genres")) {
            for (CSVRecord r : p) {
                checkSize(moviesCsv, r, 3);
                String id = r.get("movieId").strip();
                requireNumeric(moviesCsv, r, id, "movieId");
                if (ids.contains(id)) {
                    throw new MalformedDataException(moviesCsv, line(r), "duplicate movieId '" + id + "'");
                }
                ids.add(id);
                StringBuilder sb = new StringBuilder(r.get("title").strip());
                String genres = r.get("genres").strip();
                if (!genres.isEmpty() && !genres.equals("(no genres listed)")) {
                    sb.append(". Genres: ").append(String.join(", ", genres.split("\\|")));
                }
                texts.add(sb);
                records++;
            }
            lines = p.getCurrentLineNumber();
        }
        if (records == 0) {
            throw new MalformedDataException(moviesCsv, 0, "no records in the file");
        }
        if (tagsCsv != null) {
            reading[0] = tagsCsv;
            Map<Integer, List<String>> tags = new LinkedHashMap<>();
            try (CSVParser p = open(tagsCsv, "userId", "movieId", "tag", "timestamp")) {
                for (CSVRecord r : p) {
                    checkSize(tagsCsv, r, 4);
                    String id = r.get("movieId").strip();
                    requireNumeric(tagsCsv, r, id, "movieId");
                    int i = ids.indexOf(id);
                    if (i < 0) {
                        throw new MalformedDataException(tagsCsv, line(r), "tag for unknown movieId '" + id + "'");
                    }
                    String tag = r.get("tag").strip();
                    List<String> l = tags.computeIfAbsent(i, k -> new ArrayList<>());
                    if (tag.isEmpty() || l.contains(tag)) {
                        skipped.merge(tag.isEmpty() ? "empty tag" : "repeated tag of a movie", 1L, Long::sum);
                    } else {
                        l.add(tag);
                    }
                }
            }
            tags.forEach((i, l) -> {
                if (!l.isEmpty()) {
                    texts.get(i).append(". Tags: ").append(String.join(", ", l));
                }
            });
        }
        String[] out = texts.stream().map(StringBuilder::toString).toArray(String[]::new);
        return new Loaded<>(TextTable.of(ids.build(), out), new LoadReport(moviesCsv, lines, records, skipped));
    }

    private static CSVParser open(Path file, String... header) throws IOException {
        // Decoded line by line first, so that bad UTF-8 is named at its line, not lines later.
        Reader r = new java.io.StringReader(String.join("\n", io.recsys4j.core.internal.Utf8Lines.readAll(file)));
        CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r);
        List<String> names = p.getHeaderNames();
        for (String n : names) {
            if (!List.of(header).contains(n.strip())) {
                p.close();
                throw new MalformedDataException(file, 1, "unknown column '" + n + "' in header (expected "
                        + String.join(", ", header) + ")");
            }
        }
        for (String h : header) {
            if (!names.contains(h)) {
                p.close();
                throw new MalformedDataException(file, 1, "header lacks column '" + h + "'");
            }
        }
        return p;
    }

    private static long line(CSVRecord r) {
        // Records start after the header; a quoted field may span lines, so count from the parser.
        return r.getRecordNumber() + 1;
    }

    private static void checkSize(Path file, CSVRecord r, int n) throws MalformedDataException {
        if (r.size() != n) {
            throw new MalformedDataException(file, line(r), "expected " + n + " fields, found " + r.size());
        }
    }

    private static void requireNumeric(Path file, CSVRecord r, String id, String what) throws MalformedDataException {
        if (id.isEmpty() || !id.chars().allMatch(Character::isDigit)) {
            throw new MalformedDataException(file, line(r), "non-numeric " + what + " '" + id + "'");
        }
    }
}
