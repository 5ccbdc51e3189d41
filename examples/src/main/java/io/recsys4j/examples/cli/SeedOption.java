package io.recsys4j.examples.cli;

import picocli.CommandLine.Option;

/** {@code --seed}: one default seed for every command that draws random numbers. */
final class SeedOption {
    /** The default seed of every command: the library's. */
    static final long DEFAULT = io.recsys4j.gnn.TrainingSettings.DEFAULT_SEED;

    @Option(names = "--seed", defaultValue = "" + DEFAULT, description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;
}
