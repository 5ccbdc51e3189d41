package io.recsys4j.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The checks every reader makes before opening an input, so that a wrong path fails with
 * one line naming it: the JDK's own errors for a directory ({@code "Is a directory"}) or an
 * unreadable file name neither the file nor what is wrong with it.
 */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * @throws NoSuchFileException if nothing is at {@code file}
     * @throws MalformedDataException if it is a directory or cannot be read
     */
    public static void requireReadable(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        if (Files.isDirectory(file)) {
            throw new MalformedDataException(file, 0, "is a directory, not a file");
        }
        if (!Files.isReadable(file)) {
            throw new MalformedDataException(file, 0, "cannot be read (permission denied)");
        }
    }

    /**
     * {@link #requireReadable}, and for a regular file at least one byte (a pipe's size says
     * nothing: it is not "empty" for being 0).
     *
     * @throws MalformedDataException also if a regular file is empty
     */
    public static void requireReadableData(Path file) throws IOException {
        requireReadable(file);
        if (Files.isRegularFile(file) && Files.size(file) == 0) {
            throw new MalformedDataException(file, 0, "the file is empty");
        }
    }
}
