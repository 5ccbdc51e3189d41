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
        TextTable it = itemFile.toString().endsWith(".csv") ? TextReader.movieLens(itemFile, tags).data()
                : TextReader.tsv(itemFile).data();
        TextTable ut = userFile == null ? null : TextReader.tsv(userFile).data();
        log.printf(Locale.ROOT, "item texts: %d of %d catalogue items (%d texts for ids outside it)%n",
                it.alignTo(d.items()).count(), d.items().size(), it.countMissingFrom(d.items()));
        List<String> corpus = new ArrayList<>(texts(it.alignTo(d.items())));
        if (ut != null) {
            corpus.addAll(texts(ut.alignTo(d.users())));
        }
        long t0 = System.nanoTime();
        try (TextEncoder enc = switch (encoder) {
            case "minilm" -> OnnxSentenceEncoder.miniLm(1, 32);
            case "hashing" -> HashingEncoder.fit(corpus, 4096);
            default -> OnnxSentenceEncoder.fromFolder(Path.of(encoder), 128, 1, 32);
        }) {
            float[][] items = encode(enc, it.alignTo(d.items()), d.items());
            float[][] users = ut == null ? null : encode(enc, ut.alignTo(d.users()), d.users());
            log.printf(Locale.ROOT, "encoded texts with %s in %.1f s%n", enc.name(), (System.nanoTime() - t0) / 1e9);
            return new TextVectors(items, users);
        }
    }

    private static List<String> texts(TextTable t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.ids().size(); i++) {
            out.add(t.text(i) == null ? "" : t.text(i));
        }
        return out;
    }

    private static float[][] encode(TextEncoder enc, TextTable aligned, IdMap ids) {
        float[][] v = enc.encodeToArrays(texts(aligned));
        for (int i = 0; i < ids.size(); i++) {
            if (aligned.text(i) == null) {
                v[i] = null;
            }
        }
        return v;
    }
}
