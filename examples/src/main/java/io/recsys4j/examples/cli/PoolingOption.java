package io.recsys4j.examples.cli;

import io.recsys4j.text.OnnxSentenceEncoder;
import picocli.CommandLine.Option;

/** {@code --pooling}: how a model folder's token vectors become a text vector. */
final class PoolingOption {
    @Option(names = "--pooling", description = "With --encoder FOLDER: mean (sentence-transformers models, the default) "
            + "or cls (BGE-style models).")
    String pooling;

    /** The pooling asked for, or null when none was given. */
    OnnxSentenceEncoder.Pooling value() {
        if (pooling == null) {
            return null;
        }
        return switch (pooling) {
            case "mean" -> OnnxSentenceEncoder.Pooling.MEAN;
            case "cls" -> OnnxSentenceEncoder.Pooling.CLS;
            default -> throw new IllegalArgumentException("--pooling must be mean or cls, found '" + pooling + "'");
        };
    }
}
