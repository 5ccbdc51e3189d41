package io.recsys4j.text;

import io.recsys4j.core.IdMap;
import io.recsys4j.core.TextTable;
import io.recsys4j.core.io.TextReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Text vectors aligned to an id space: what a text-fed model takes as its item (or user)
 * input, one row per id, {@code null} where the id has no text. "No text" (a missing row)
 * and "an empty text" stay apart: only the former is null.
 */
public final class TextVectors {
    private TextVectors() {
    }

    /**
     * Encodes {@code table}'s texts for every id of {@code ids}: row {@code i} is the vector of
     * {@code ids.id(i)}'s text, or null when the table has none for it.
     */
    public static float[][] encode(TextEncoder encoder, TextTable table, IdMap ids) {
        Objects.requireNonNull(encoder, "encoder");
        TextTable aligned = table.alignTo(ids);
        List<String> present = new ArrayList<>(aligned.count());
        for (int i = 0; i < aligned.ids().size(); i++) {
            if (aligned.text(i) != null) {
                present.add(aligned.text(i));
            }
        }
        // Only the texts that exist go to the encoder: a missing one is not an empty one.
        float[][] encoded = encoder.encodeToArrays(present);
        float[][] rows = new float[aligned.ids().size()][];
        for (int i = 0, k = 0; i < rows.length; i++) {
            if (aligned.text(i) != null) {
                rows[i] = encoded[k++];
            }
        }
        return rows;
    }

    /** The table's texts in id order, an empty string where an id has none (for fitting a corpus-based encoder). */
    public static List<String> texts(TextTable table) {
        List<String> out = new ArrayList<>(table.ids().size());
        for (int i = 0; i < table.ids().size(); i++) {
            out.add(table.text(i) == null ? "" : table.text(i));
        }
        return out;
    }

    /**
     * Reads an id-to-text table: MovieLens {@code movies.csv} (with {@code tags.csv} appended
     * to each title, if given) when the name ends in {@code .csv}, else a TSV of
     * {@code id<TAB>text} lines.
     *
     * @param tags MovieLens tags, or null
     */
    public static TextTable readTable(Path file, Path tags) throws IOException {
        return file.toString().endsWith(".csv") ? TextReader.movieLens(file, tags).data() : TextReader.tsv(file).data();
    }

    /**
     * The encoder a name selects: {@code minilm} (the default, today {@code minilm-q}), one of
     * {@link OnnxSentenceEncoder#NAMES} ({@code minilm-q}, {@code minilm-fp32}, {@code bge-small-zh}),
     * {@code hashing} (TF-IDF over hashed words, fitted on {@code corpus}, {@code hashingDim}
     * buckets) or a folder holding {@code model.onnx} and {@code tokenizer.json} (mean pooling).
     *
     * @throws IllegalArgumentException if the name is none of these and not a folder
     * @throws IllegalStateException if a named model's artifact is not on the classpath
     */
    public static TextEncoder openEncoder(String name, List<String> corpus, int hashingDim, int maxLength,
                                          int threads, int batch) throws IOException {
        return openEncoder(name, null, corpus, hashingDim, maxLength, threads, batch);
    }

    /**
     * As {@link #openEncoder(String, List, int, int, int, int)}, with the pooling of a model folder.
     *
     * @param pooling for a folder, null for mean pooling; must be null for the other encoders (a
     *     named model has its own)
     * @throws IllegalArgumentException if a pooling is given for an encoder that is not a folder
     */
    public static TextEncoder openEncoder(String name, OnnxSentenceEncoder.Pooling pooling, List<String> corpus,
                                          int hashingDim, int maxLength, int threads, int batch) throws IOException {
        boolean folder = !name.equals("minilm") && !name.equals("hashing") && !OnnxSentenceEncoder.NAMES.contains(name);
        if (pooling != null && !folder) {
            throw new IllegalArgumentException("a pooling applies to a model folder; encoder " + name + " has its own");
        }
        switch (name) {
            case "minilm":
                return OnnxSentenceEncoder.miniLm(threads, batch);
            case "minilm-q", "minilm-fp32", "bge-small-zh":
                return OnnxSentenceEncoder.named(name, threads, batch);
            case "hashing":
                return HashingEncoder.fit(corpus, hashingDim);
            default:
                Path dir = Path.of(name);
                if (!java.nio.file.Files.isDirectory(dir)) {
                    throw new IllegalArgumentException("encoder must be minilm, minilm-q, minilm-fp32, bge-small-zh, "
                            + "hashing or a folder with model.onnx and tokenizer.json, found '" + name + "'");
                }
                return OnnxSentenceEncoder.fromFolder(dir, maxLength,
                        pooling == null ? OnnxSentenceEncoder.Pooling.MEAN : pooling, threads, batch);
        }
    }
}
