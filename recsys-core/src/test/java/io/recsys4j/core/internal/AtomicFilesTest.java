package io.recsys4j.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void write_replacesTheTargetAndLeavesNoTemporaryFile() throws IOException {
        Path f = dir.resolve("sub/out.txt");
        AtomicFiles.writeString(f, "one");
        AtomicFiles.writeString(f, "two");
        assertEquals("two", Files.readString(f));
        try (var s = Files.list(f.getParent())) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void failedWrite_leavesTheOldTargetAndNoTemporaryFile() throws IOException {
        Path f = dir.resolve("out.txt");
        AtomicFiles.writeString(f, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write(1);
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(f));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void writtenFile_hasThePermissionsOfAnyNewFile() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "POSIX permissions are not supported here");
        Path plain = Files.createFile(dir.resolve("plain"));
        Path written = dir.resolve("written");
        AtomicFiles.writeString(written, "x");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written));
    }

    /** A legal 255-byte name: the temporary name used to add 42 characters and fail with "File name too long". */
    @Test
    void longestLegalNames_areWritten() throws IOException {
        for (String name : new String[] {"a".repeat(251) + ".bin", "模".repeat(85), "é".repeat(127) + "x"}) {
            assertEquals(255, name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            Path f = dir.resolve(name);
            AtomicFiles.writeString(f, "x");
            assertEquals("x", Files.readString(f));
        }
        String t = AtomicFiles.temporaryName("模".repeat(85));
        assertTrue(t.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 255, t);
        assertTrue(t.startsWith(".模") && t.endsWith(".tmp"), t);
    }

    /** SIGTERM while a file is being written: the temporary file goes, the old target stays. */
    @Test
    void sigterm_duringAWrite_removesTheTemporaryFile() throws Exception {
        Path target = dir.resolve("model.bin");
        Files.writeString(target, "old");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                SlowWriteProbe.class.getName(), target.toString()).redirectErrorStream(true).start();
        java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
        assertEquals("writing", out.readLine());
        try (var s = Files.list(dir)) {
            assertEquals(2, s.count(), "the temporary file exists while writing");
        }
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        try (var s = Files.list(dir)) {
            assertEquals(java.util.List.of(target), s.toList());
        }
        assertEquals("old", Files.readString(target));
    }

    @Test
    void aDirectoryAsTarget_isRefusedNamingIt() throws IOException {
        Path d = Files.createDirectory(dir.resolve("out"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(d, "x"));
        assertEquals(d + ": is a directory, cannot write a file there", e.getMessage());
        try (var s = Files.list(dir)) {
            assertEquals(java.util.List.of(d), s.toList());
        }
    }
}
