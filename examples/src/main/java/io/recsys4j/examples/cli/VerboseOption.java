package io.recsys4j.examples.cli;

import picocli.CommandLine.Option;

/**
 * {@code -v}: every command's switch for stack traces on errors (read by the exception
 * handler of {@link RecsysCli#commandLine()} through the parse result).
 */
final class VerboseOption {
    @Option(names = {"-v", "--verbose"}, description = "Print stack traces on errors.")
    boolean verbose;
}
