package io.recsys4j.core.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a UTF-8 text file line by line, keeping the line number and the skip counts. */
final class LineSource implements AutoCloseable {
    private final Path file;
    private final BufferedReader reader;
    private final Map<String, Long> skipped = new LinkedHashMap<>();
    private long lineNo;
    private long records;

    LineSource(Path file) throws IOException {
        this.file = file;
        InputFiles.requireReadableData(file);
        this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    /** The next line, or null at the end. */
    String next() throws IOException {
        String s;
        try {
            s = reader.readLine();
        } catch (CharacterCodingException e) {
            throw error("not valid UTF-8");
        }
        if (s != null) {
            lineNo++;
            if (lineNo == 1 && !s.isEmpty() && s.charAt(0) == '\uFEFF') {
                s = s.substring(1);
            }
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
            throw error("non-numeric " + what + " '" + token + "'");
        }
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
