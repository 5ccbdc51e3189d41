package io.recsys4j.text;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Turns texts into L2-normalised vectors, so that items and users can be placed in an
 * embedding space from their text alone (cold start). Implementations are thread-safe.
 */
public interface TextEncoder extends AutoCloseable {
    /** A stable name that identifies the encoder and its settings (used as a cache key). */
    String name();

    /** Dimension of the vectors. */
    int dim();

    /**
     * Encodes the texts as rows of a {@code [texts x dim]} float matrix, each row of L2 norm
     * 1. The empty text is a text: a transformer gives it the model's embedding of the empty
     * string (its {@code [CLS] [SEP]}); an encoder of words gives the zero row for a text with
     * no words. A missing text is not passed here at all ({@link TextVectors} keeps it null).
     *
     * @throws NullPointerException if a text is null
     */
    default INDArray encode(List<String> texts) {
        return Vectors.toMatrix(encodeToArrays(texts), dim());
    }

    /** As {@link #encode}, as heap arrays (one per text). */
    float[][] encodeToArrays(List<String> texts);

    /** The vector of one text, as {@link #encodeToArrays} gives it. */
    default float[] encodeOne(String text) {
        return encodeToArrays(List.of(text))[0];
    }

    /** Releases native resources; the default has none. */
    @Override
    default void close() {
    }
}
