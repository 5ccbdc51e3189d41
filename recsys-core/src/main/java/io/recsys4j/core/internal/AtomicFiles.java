package io.recsys4j.core.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that readers see either the old file or the complete new one, never a
 * partial one: the content goes to a temporary file beside the target, which is then moved
 * into place. If writing fails, the temporary file is deleted and the target is untouched; if
 * the JVM is stopped meanwhile (SIGTERM, Ctrl-C), a shutdown hook deletes it. The temporary
 * name is never longer than the file system's limit for names (255 bytes) when the target's
 * name is within it.
 */
public final class AtomicFiles {
    /** The longest file name, in bytes, of the file systems we run on (ext4, xfs, btrfs, APFS, NTFS). */
    static final int NAME_MAX = 255;
    /** Temporary files being written, for the shutdown hook. */
    private static final java.util.Set<Path> PENDING = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    static {
        Thread hook = new Thread(() -> {
            for (Path p : PENDING) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // The JVM is going down; nothing better can be done with the error.
                }
            }
        }, "recsys4j-temp-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private AtomicFiles() {
    }

    /**
     * The temporary name beside {@code name}: {@code .<name>.<12 hex>.tmp}, the name cut (at a
     * character boundary) so that the whole stays within {@link #NAME_MAX} bytes of UTF-8.
     */
    static String temporaryName(String name) {
        String suffix = "." + String.format("%012x", RANDOM.nextLong() & 0xffffffffffffL) + ".tmp";
        int budget = NAME_MAX - 1 - suffix.length();
        int used = 0;
        int end = 0;
        while (end < name.length()) {
            int cp = name.codePointAt(end);
            int bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (used + bytes > budget) {
                break;
            }
            used += bytes;
            end += Character.charCount(cp);
        }
        return "." + name.substring(0, end) + suffix;
    }

    /** Writes the output of one callback. */
    @FunctionalInterface
    public interface Writer {
        /** Writes the whole content to {@code out}. */
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} atomically.
     *
     * @throws IOException if writing or moving fails; the target is then unchanged
     */
    public static void write(Path target, Writer writer) throws IOException {
        Path abs = target.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            throw new IOException(target + ": is a directory, cannot write a file there");
        }
        Path parent = abs.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // Not createTempFile: its files are owner-only (rw-------); a plain new file takes the umask.
        Path tmp = parent.resolve(temporaryName(abs.getFileName().toString()));
        Files.createFile(tmp);
        PENDING.add(tmp);
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                writer.write(out);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw e;
        } finally {
            PENDING.remove(tmp);
        }
    }

    /** Writes a UTF-8 string atomically. */
    public static void writeString(Path target, String content) throws IOException {
        write(target, out -> out.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
