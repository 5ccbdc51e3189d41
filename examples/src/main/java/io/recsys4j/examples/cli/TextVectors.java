package io.recsys4j.examples.cli;

import io.recsys4j.core.Dataset;
import io.recsys4j.core.TextTable;
import io.recsys4j.core.io.TextReader;
import io.recsys4j.text.TextEncoder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text files of {@code train --item-text/--user-text}, encoded for a text-fed model
 * through {@link io.recsys4j.text.TextVectors}, with what was read and how long it took.
 *
 * @param items one row per catalogue item, null where an item has no text
 * @param users one row per user, or null without user texts
 */
record TextVectors(float[][] items, float[][] users) {
    static TextVectors load(Path itemFile, Path tags, Path userFile, String encoder,
                            io.recsys4j.text.OnnxSentenceEncoder.Pooling pooling, Dataset d, PrintWriter log)
            throws IOException {
        TextTable it = io.recsys4j.text.TextVectors.readTable(itemFile, tags);
        TextTable ut = userFile == null ? null : TextReader.tsv(userFile).data();
        int matched = it.alignTo(d.items()).count();
        if (matched == 0) {
            throw new IllegalArgumentException(itemFile + ": none of its " + it.ids().size() + " ids is an item of the data (first: '"
                    + it.ids().id(0) + "'); is it the text of another data set?");
        }
        log.printf(Locale.ROOT, "item texts: %d of %d catalogue items (%d texts for ids outside it)%n",
                matched, d.items().size(), it.countMissingFrom(d.items()));
        List<String> corpus = new ArrayList<>(io.recsys4j.text.TextVectors.texts(it.alignTo(d.items())));
        if (ut != null) {
            corpus.addAll(io.recsys4j.text.TextVectors.texts(ut.alignTo(d.users())));
        }
        long t0 = System.nanoTime();
        try (TextEncoder enc = io.recsys4j.text.TextVectors.openEncoder(encoder, pooling, corpus, 4096, 128, 1, 32)) {
            float[][] items = io.recsys4j.text.TextVectors.encode(enc, it, d.items());
            float[][] users = ut == null ? null : io.recsys4j.text.TextVectors.encode(enc, ut, d.users());
            log.printf(Locale.ROOT, "encoded texts with %s in %.1f s%n", enc.name(), (System.nanoTime() - t0) / 1e9);
            return new TextVectors(items, users);
        }
    }
}
