package io.recsys4j.examples.cli;

import io.recsys4j.core.io.MalformedDataException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code recsys} command-line tool: {@code java -jar recsys-cli.jar <command> ...}.
 * Exit status 0 on success, 2 for bad input (a malformed file, a missing file, a bad
 * option), 1 for anything else.
 */
@Command(name = "recsys", mixinStandardHelpOptions = true, version = "recsys4j 0.1.0",
        description = "Graph-neural-network recommendation on the JVM.",
        subcommands = {DemoCommand.class, TrainCommand.class, BenchCommand.class, RecommendCommand.class, ExplainCommand.class, ServeCommand.class, EncodeCommand.class, ColdStartCommand.class, StatsCommand.class, EvaluateCommand.class, SynthCommand.class, BaselineCommand.class, TopkCommand.class,
                CommandLine.HelpCommand.class})
public final class RecsysCli {
    /** Exit status for bad input. */
    static final int BAD_INPUT = 2;

    private RecsysCli() {
    }

    /** Builds the command line with the project's error handling. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RecsysCli());
        // A bad option is one line (with the likely option when misspelled), not the whole usage text.
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            PrintWriter err = c.getErr();
            String hint = "";
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                hint = " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)";
            }
            err.println("error: " + ex.getMessage().strip().replaceAll("\\s*\\R\\s*", " ") + hint
                    + "; try '" + c.getCommandSpec().qualifiedName() + " --help'");
            err.flush();
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            PrintWriter err = line.getErr();
            boolean verbose = parsed.hasMatchedOption("--verbose")
                    || parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"));
            if (verbose) {
                ex.printStackTrace(err);
            }
            if (ex instanceof MalformedDataException) {
                err.println("error: " + ex.getMessage());
                return BAD_INPUT;
            }
            if (ex instanceof NoSuchFileException nsf) {
                err.println("error: " + nsf.getFile() + ": no such file");
                return BAD_INPUT;
            }
            if (ex instanceof IllegalArgumentException || ex instanceof io.recsys4j.gnn.TrainingDivergedException) {
                // a bad setting, including one that made training diverge: the user's to change
                err.println("error: " + ex.getMessage());
                return BAD_INPUT;
            }
            if (ex instanceof RuntimeException && String.valueOf(ex.getMessage()).contains("Allocation failed")) {
                // ND4J's native allocator out of memory: as an OutOfMemoryError, see main
                err.println("error: out of native memory (" + ex.getMessage() + "); ask for less (smaller --dim, "
                        + "fewer users or items) or allow more (-Dorg.bytedeco.javacpp.maxbytes, docs/natives.md)");
                return BAD_INPUT;
            }
            Throwable io = ex instanceof java.io.UncheckedIOException u ? u.getCause() : ex;
            if (io instanceof java.io.IOException) {
                // a file that cannot be read or written, or a corrupt model file: bad input, not a bug
                err.println("error: " + (io.getMessage() != null ? io.getMessage() : io.getClass().getSimpleName()));
                return BAD_INPUT;
            }
            err.println("error: " + ex);
            return 1;
        });
        return cl;
    }

    /**
     * Runs the tool and exits with its status. A command that propagates over the graph runs
     * in a child JVM with the Vector API module when this JVM lacks it ({@link SimdRelaunch}).
     */
    public static void main(String[] args) {
        SimdRelaunch.exitWithParent();
        int status;
        try {
            status = SimdRelaunch.runIfNeeded(args).orElseGet(() -> commandLine().execute(args));
        } catch (OutOfMemoryError e) {
            // Data or settings too large for the heap: the user's to change, and one line rather than a trace.
            System.err.println("error: out of memory (" + e.getMessage() + "); give the JVM more heap "
                    + "(java -Xmx<size> -jar ...) or ask for less (smaller --dim, fewer users or items)");
            status = BAD_INPUT;
        }
        System.exit(status);
    }
}
