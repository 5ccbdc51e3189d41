package io.recsys4j.examples.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows how far a long task is: a progress bar on standard error when the tool runs on an
 * interactive terminal ({@code System.console() != null}, and {@code -Drecsys.progress=false}
 * not set), plain log lines otherwise. The library reports progress through callbacks and
 * SLF4J; rendering it is the tool's job, so this class lives here.
 *
 * <p>On a terminal, log lines written to {@code System.err} while a bar is shown first erase
 * the bar's line, so a log line never ends up glued to the bar; the bar redraws below it.
 * Without a terminal, a task whose steps the library logs already (training epochs,
 * evaluation) adds nothing; other tasks log a line at most every ten seconds and one at the
 * end. A task of unknown size ({@code total < 0}) shows the elapsed time only.
 *
 * <p>{@link #step} and {@link #stepTo} may be called from any thread.
 */
final class Progress implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);
    private static final long PLAIN_EVERY_NANOS = 10_000_000_000L;

    private final String task;
    private final long total;
    private final boolean plainLines;
    private final ProgressBar bar;
    private final PrintStream savedErr;
    private final long start = System.nanoTime();
    private long done;
    private long lastLine = start;

    /** For tests; the commands use {@link #of} and {@link #loggedElsewhere}. */
    Progress(String task, long total, boolean interactive, boolean plainLines) {
        this.task = task;
        this.total = total;
        this.plainLines = plainLines && !interactive;
        if (interactive) {
            savedErr = System.err;
            ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(task).setInitialMax(total < 0 ? -1 : total)
                    .setStyle(ProgressBarStyle.UNICODE_BLOCK).setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(savedErr));
            if (total < 0) {
                builder.hideEta().clearDisplayOnFinish();   // the command prints what it read or computed
            }
            bar = builder.build();
            System.setErr(new PrintStream(new ClearingStream(savedErr), true));
        } else {
            savedErr = null;
            bar = null;
        }
    }

    /** True if bars are drawn: standard streams on a terminal and bars not turned off. */
    static boolean interactive() {
        return System.console() != null && !"false".equalsIgnoreCase(System.getProperty("recsys.progress"));
    }

    /**
     * A task whose steps nothing else reports: a bar on a terminal, else a log line at most
     * every ten seconds and one at the end.
     *
     * @param total the number of steps, or -1 if unknown
     */
    static Progress of(String task, long total) {
        return new Progress(task, total, interactive(), true);
    }

    /** A task whose steps the library logs already: a bar on a terminal, else nothing more. */
    static Progress loggedElsewhere(String task, long total) {
        return new Progress(task, total, interactive(), false);
    }

    /** One step more. */
    void step() {
        stepBy(1);
    }

    /** {@code n} steps more. */
    synchronized void stepBy(long n) {
        stepTo(done + n);
    }

    /** Sets the steps done so far. */
    synchronized void stepTo(long n) {
        done = n;
        if (bar != null) {
            bar.stepTo(n);
        } else if (plainLines) {
            long now = System.nanoTime();
            if (now - lastLine >= PLAIN_EVERY_NANOS) {
                lastLine = now;
                LOG.info("{}: {}", task, count());
            }
        }
    }

    /** A short note shown after the bar (e.g. the last loss); ignored without a terminal. */
    synchronized void note(String message) {
        if (bar != null) {
            bar.setExtraMessage(message);
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            System.setErr(savedErr);
        } else if (plainLines) {
            LOG.info("{}: {} in {} s", task, count(),
                    String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
        }
    }

    private String count() {
        return total < 0 ? String.valueOf(done) : done + "/" + total;
    }

    /** Standard error while a bar is shown: each new line first erases the bar's line. */
    private static final class ClearingStream extends OutputStream {
        private static final byte[] ERASE_LINE = "\r\u001b[2K".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        private final PrintStream terminal;
        private boolean atLineStart = true;

        ClearingStream(PrintStream terminal) {
            this.terminal = terminal;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (len == 0) {
                return;
            }
            synchronized (terminal) {
                if (atLineStart) {
                    terminal.write(ERASE_LINE, 0, ERASE_LINE.length);
                }
                terminal.write(b, off, len);
                atLineStart = b[off + len - 1] == '\n';
            }
        }

        @Override
        public void flush() {
            terminal.flush();
        }
    }
}
