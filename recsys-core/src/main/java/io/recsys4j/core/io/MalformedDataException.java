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

    /** Creates the exception for {@code file} at {@code line} (0: the whole file). */
    public MalformedDataException(Path file, long line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
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
