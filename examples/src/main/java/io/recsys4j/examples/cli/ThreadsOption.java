package io.recsys4j.examples.cli;

import java.util.function.IntConsumer;
import picocli.CommandLine.Option;

/** {@code --threads}: the worker threads of training, evaluation and top-K selection. */
final class ThreadsOption {
    @Option(names = "--threads", description = "Worker threads (default " + io.recsys4j.core.Defaults.THREADS + ").")
    Integer threads;

    /** Passes the thread count to {@code setter} if the option was given; "not set" keeps the library's default. */
    void ifSet(IntConsumer setter) {
        if (threads != null) {
            if (threads < 1) {
                throw new IllegalArgumentException("--threads must be at least 1, found " + threads);
            }
            setter.accept(threads);
        }
    }
}
