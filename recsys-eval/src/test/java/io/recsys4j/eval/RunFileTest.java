package io.recsys4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recsys4j.core.io.MalformedDataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFileTest {
    @TempDir
    Path dir;

    /** Invalid UTF-8 in run and truth files was reported with no line at all. */
    @Test
    void invalidUtf8_isNamedAtItsLine_inRunAndTruthFiles() throws IOException {
        Path run = dir.resolve("run.tsv");
        Files.write(run, new byte[] {'u', '\t', 'a', '\t', '1', '\n', 'u', '\t', 'b', '\t', '0', '\n', 'u', '\t', (byte) 0xFF, '\n'});
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> RunFile.read(run));
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.problem().contains("UTF-8"), e.getMessage());
        MalformedDataException t = assertThrows(MalformedDataException.class, () -> RunFile.readTruth(run, null));
        assertEquals(3, t.line(), t.getMessage());
    }
}
