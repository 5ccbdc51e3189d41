package io.recsys4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream saved;
    private PrintStream capture;

    @BeforeEach
    void captureStderr() {
        saved = System.err;
        capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setErr(capture);   // SLF4J's simple binding writes to the current System.err
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(saved);
    }

    private String stderr() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void plain_logsTheCountAtTheEnd() {
        try (Progress p = new Progress("top-20", 3, false, true)) {
            p.step();
            p.stepBy(2);
        }
        assertTrue(stderr().contains("top-20: 3/3 in "), stderr());
        assertFalse(stderr().contains("\r"), "no bar without a terminal: " + stderr());
    }

    @Test
    void plain_taskTheLibraryLogs_addsNothing() {
        try (Progress p = new Progress("train", 5, false, false)) {
            p.stepTo(5);
            p.note("loss 0.5");
        }
        assertEquals("", stderr());
    }

    @Test
    void terminal_drawsABar_andALogLineFirstErasesIt_thenStderrIsRestored() {
        try (Progress p = new Progress("train", 4, true, true)) {
            p.stepTo(2);
            p.note("loss 0.69");
            System.err.println("INFO BprTrainer - epoch 2/4");
            p.stepTo(4);
        }
        String s = stderr();
        assertTrue(s.contains("\rtrain"), s);
        assertTrue(s.contains("4/4"), s);
        assertTrue(s.contains("\r\u001b[2KINFO BprTrainer - epoch 2/4"), s);
        assertSame(capture, System.err, "System.err restored after the bar");
    }
}
