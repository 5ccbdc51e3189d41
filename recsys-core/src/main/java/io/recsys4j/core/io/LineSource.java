package io.recsys4j.core.io;

import io.recsys4j.core.internal.Utf8Lines;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a UTF-8 text file line by line, keeping the line number and the skip counts. */
final class LineSource implements AutoCloseable {
    private final Path file;
    private final Utf8Lines reader;
    private final Map<String, Long> skipped = new LinkedHashMap<>();
    private long lineNo;
    private long records;

    LineSource(Path file) throws IOException {
        this.file = file;
        this.reader = new Utf8Lines(file);
    }

    /** The next line, or null at the end. */
    String next() throws IOException {
        String s = reader.next();
        if (s != null) {
            lineNo++;
        }
        return s;
    }

    long lineNo() {
        return lineNo;
    }

    Path file() {
        return file;
    }

    MalformedDataException error(String problem) {
        return new MalformedDataException(file, lineNo, problem);
    }

    void skip(String reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    void kept() {
        records++;
    }

    /** Throws if no record was read: a file of blank lines or a bare header is as good as empty. */
    void requireRecords() throws MalformedDataException {
        if (records == 0) {
            throw new MalformedDataException(file, 0, "no records in the file");
        }
    }

    LoadReport report() {
        return new LoadReport(file, lineNo, records, skipped);
    }

    int parseIndex(String token, String what) throws MalformedDataException {
        try {
            int v = Integer.parseInt(token);
            if (v < 0) {
                throw error("negative " + what + " '" + token + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            if (token.matches("-?[0-9]+")) {
                throw error(what + " '" + token + "' is out of range (at most " + Integer.MAX_VALUE + ")");
            }
            throw error("non-numeric " + what + " '" + token + "'");
        }
    }

    /** A number stored as a float: finite as a double is not enough ("1e39" becomes Infinity). */
    float parseFloat(String token, String what) throws MalformedDataException {
        double v = parseDouble(token, what);
        if (Math.abs(v) > Float.MAX_VALUE) {
            throw error(what + " '" + token + "' is beyond the range of a float (" + Float.MAX_VALUE + ")");
        }
        return (float) v;
    }

    double parseDouble(String token, String what) throws MalformedDataException {
        try {
            double v = Double.parseDouble(token);
            if (!Double.isFinite(v)) {
                throw error(what + " is not finite: '" + token + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw error("non-numeric " + what + " '" + token + "'");
        }
    }

    long parseLong(String token, String what) throws MalformedDataException {
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw error("non-numeric " + what + " '" + token + "'");
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
