package io.recsys4j.core.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A data file could not be read as the format it claims to be. The message names the file,
 * the 1-based line (0 for the file as a whole) and the problem: {@code "ratings.csv:17:
 * non-numeric userId 'x'"}.
 */
public final class MalformedDataException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final long line;
    private final String problem;
    /** Longest problem text kept; longer ones keep their start and end. */
    private static final int MAX_PROBLEM = 1000;

    /** Creates the exception for {@code file} at {@code line} (0: the whole file). */
    public MalformedDataException(Path file, long line, String problem) {
        this(file, line, printable(problem), true);
    }

    /** {@code escaped} only tells this constructor apart: the problem is already printable. */
    private MalformedDataException(Path file, long line, String printableProblem, boolean escaped) {
        super(file + (line > 0 ? ":" + line : "") + ": " + printableProblem);
        this.file = file;
        this.line = line;
        this.problem = printableProblem;
    }

    /**
     * The problem as one printable line of bounded length: it quotes bytes of a hostile file,
     * which may hold line breaks, terminal escapes or a megabyte-long token.
     */
    static String printable(String problem) {
        StringBuilder b = new StringBuilder(Math.min(problem.length(), MAX_PROBLEM + 16));
        for (int k = 0; k < problem.length(); k++) {
            char c = problem.charAt(k);
            if (c == '\t') {
                b.append("\\t");
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (b.length() > MAX_PROBLEM) {
            int tail = MAX_PROBLEM / 5;
            return b.substring(0, MAX_PROBLEM - tail) + " [...] " + b.substring(b.length() - tail);
        }
        return b.toString();
    }

    /** The file that was being read. */
    public Path file() {
        return file;
    }

    /** The 1-based line number, or 0 when the problem concerns the whole file. */
    public long line() {
        return line;
    }

    /** The problem, without the file and line. */
    public String problem() {
        return problem;
    }
}
