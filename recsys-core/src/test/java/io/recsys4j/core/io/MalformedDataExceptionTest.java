package io.recsys4j.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MalformedDataExceptionTest {
    /** Found by fuzzing the model reader: a family name holding a line break printed two lines. */
    @Test
    void quotedBytes_ofAHostileFile_stayOnePrintableLine() {
        MalformedDataException e = new MalformedDataException(Path.of("m.bin"), 0,
                "holds a model of family 'a\nb\u001b[31m\u2028c\td'");
        assertEquals("m.bin: holds a model of family 'a\\u000ab\\u001b[31m\\u2028c\\td'", e.getMessage());
        assertEquals("holds a model of family 'a\\u000ab\\u001b[31m\\u2028c\\td'", e.problem());
    }

    @Test
    void aMegabyteToken_isCutInTheMiddle() {
        String token = "x".repeat(1 << 20);
        MalformedDataException e = new MalformedDataException(Path.of("t.tsv"), 3, "non-numeric user id '" + token + "'");
        assertTrue(e.problem().length() <= 1010, e.problem().length() + " chars");
        assertTrue(e.problem().startsWith("non-numeric user id 'xxx") && e.problem().endsWith("xxx'"), e.problem().substring(0, 40));
        assertTrue(e.problem().contains(" [...] "));
    }
}
