package io.recsys4j.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recsys4j.core.io.InteractionReader;
import io.recsys4j.core.io.MalformedDataException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Utf8LinesTest {
    @TempDir
    Path dir;

    @Test
    void lineEndings_asBufferedReader_andTheByteOrderMarkDropped() throws IOException {
        Path p = dir.resolve("t.txt");
        Files.write(p, "\uFEFFa\nb\r\nc\rd\n\nü€\ne".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("a", "b", "c", "d", "", "ü€", "e"), Utf8Lines.readAll(p));
    }

    /**
     * Invalid UTF-8 on line 2501 of a file of long lines: a BufferedReader decodes 8k chars
     * ahead and reported it at line 2424; each line decoded on its own names the right one.
     */
    @Test
    void invalidUtf8_isReportedAtItsOwnLine_evenFarIntoAFile() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int line = 1; line <= 3000; line++) {
            String s = "user" + line + "\titem" + (line % 97) + "\t" + "x".repeat(40) + "\n";
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            if (line == 2501) {
                bytes[2] = (byte) 0xC3;
                bytes[3] = (byte) 0x28;
            }
            b.write(bytes);
        }
        Path p = dir.resolve("bad.tsv");
        Files.write(p, b.toByteArray());
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> InteractionReader.pairs().read(p));
        assertEquals(2501, e.line(), e.getMessage());
        assertTrue(e.problem().contains("not valid UTF-8"), e.getMessage());
        MalformedDataException all = assertThrows(MalformedDataException.class, () -> Utf8Lines.readAll(p));
        assertEquals(2501, all.line(), all.getMessage());
    }

    /** A pipe has size 0 yet holds data: it is read, not refused as empty. */
    @Test
    void aNamedPipe_isReadAsAStream() throws Exception {
        Path fifo = dir.resolve("fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mk.waitFor(), "mkfifo is part of coreutils on every Linux runner");
        Thread writer = new Thread(() -> {
            try (OutputStream o = Files.newOutputStream(fifo)) {
                o.write("0 1 2\n1 2\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        assertEquals(List.of("0 1 2", "1 2"), Utf8Lines.readAll(fifo));
        writer.join();
    }

    /** A file cut short while it is read (another program rewriting it) is an error, not a silently shorter data set. */
    @Test
    void aFileThatShrinksWhileRead_isAnErrorNamingIt() throws IOException {
        Path p = dir.resolve("growing.tsv");
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < 50_000; k++) {
            b.append("u").append(k).append("\ti").append(k % 13).append('\n');
        }
        Files.writeString(p, b);
        try (Utf8Lines r = new Utf8Lines(p)) {
            assertEquals("u0\ti0", r.next());
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(p, java.nio.file.StandardOpenOption.WRITE)) {
                ch.truncate(100_000);
            }
            MalformedDataException e = assertThrows(MalformedDataException.class, () -> {
                while (r.next() != null) {
                    // read on until the end
                }
            });
            assertTrue(e.problem().contains("shrank while it was read"), e.getMessage());
            assertEquals(p, e.file());
        }
    }
}
