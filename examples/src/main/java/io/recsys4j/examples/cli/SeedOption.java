package io.recsys4j.examples.cli;

import picocli.CommandLine.Option;

/** {@code --seed}: one default seed for every command that draws random numbers. */
final class SeedOption {
    /** The default seed of every command (except {@code bench}, which keeps the reference's). */
    static final long DEFAULT = 42;

    @Option(names = "--seed", defaultValue = "" + DEFAULT, description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;
}
