package io.recsys4j.examples.cli;

import io.recsys4j.core.Dataset;
import io.recsys4j.core.IdMap;
import io.recsys4j.core.TextTable;
import io.recsys4j.core.io.TextReader;
import io.recsys4j.text.HashingEncoder;
import io.recsys4j.text.OnnxSentenceEncoder;
import io.recsys4j.text.TextEncoder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text vectors of a data set's items (and users), for a text-fed model: one row per id of
 * the catalogue, null where an id has no text.
 *
 * @param items one row per catalogue item
 * @param users one row per user, or null without user texts
 */
record TextVectors(float[][] items, float[][] users) {
    /** Reads the text tables, aligns them to the data set's ids and encodes them. */
    static TextVectors load(Path itemFile, Path tags, Path userFile, String encoder, Dataset d, PrintWriter log)
            throws IOException {
        TextTable it = readTable(itemFile, tags);
        TextTable ut = userFile == null ? null : TextReader.tsv(userFile).data();
        log.printf(Locale.ROOT, "item texts: %d of %d catalogue items (%d texts for ids outside it)%n",
                it.alignTo(d.items()).count(), d.items().size(), it.countMissingFrom(d.items()));
        List<String> corpus = new ArrayList<>(texts(it.alignTo(d.items())));
        if (ut != null) {
            corpus.addAll(texts(ut.alignTo(d.users())));
        }
        long t0 = System.nanoTime();
        try (TextEncoder enc = openEncoder(encoder, corpus, 4096, 128, 1, 32)) {
            float[][] items = encode(enc, it.alignTo(d.items()), d.items());
            float[][] users = ut == null ? null : encode(enc, ut.alignTo(d.users()), d.users());
            log.printf(Locale.ROOT, "encoded texts with %s in %.1f s%n", enc.name(), (System.nanoTime() - t0) / 1e9);
            return new TextVectors(items, users);
        }
    }

    /** An id-to-text table: MovieLens movies.csv (with tags.csv, if given) or a TSV {@code id<TAB>text}. */
    static TextTable readTable(Path file, Path tags) throws IOException {
        return file.toString().endsWith(".csv") ? TextReader.movieLens(file, tags).data() : TextReader.tsv(file).data();
    }

    /**
     * The encoder a command line names: {@code minilm} (bundled), {@code hashing} (TF-IDF
     * fitted on {@code corpus}, {@code dim} buckets) or a folder with model.onnx and tokenizer.json.
     */
    static TextEncoder openEncoder(String name, List<String> corpus, int dim, int maxLength, int threads, int batch)
            throws IOException {
        return switch (name) {
            case "minilm" -> OnnxSentenceEncoder.miniLm(threads, batch);
            case "hashing" -> HashingEncoder.fit(corpus, dim);
            default -> OnnxSentenceEncoder.fromFolder(Path.of(name), maxLength, threads, batch);
        };
    }

    /** The table's texts in id order, an empty string where an id has none. */
    static List<String> texts(TextTable t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.ids().size(); i++) {
            out.add(t.text(i) == null ? "" : t.text(i));
        }
        return out;
    }

    private static float[][] encode(TextEncoder enc, TextTable aligned, IdMap ids) {
        return withoutMissing(enc.encodeToArrays(texts(aligned)), aligned);
    }

    /** A copy of the rows with null where the aligned table has no text (a text-fed model's input). */
    static float[][] withoutMissing(float[][] vectors, TextTable aligned) {
        float[][] v = vectors.clone();
        for (int i = 0; i < v.length; i++) {
            if (aligned.text(i) == null) {
                v[i] = null;
            }
        }
        return v;
    }
}
