package io.recsys4j.examples.cli;

import io.recsys4j.core.internal.AtomicFiles;
import io.recsys4j.core.io.MalformedDataException;
import io.recsys4j.text.CachingEncoder;
import io.recsys4j.text.TextEncoder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code encode}: batch text encoding, one vector per input line. */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = "Encode texts (UTF-8, one per line; an empty line is the empty text, which a transformer embeds as [CLS] [SEP]) "
            + "into L2-normalised vectors: one output line per input line, components separated by tabs.")
final class EncodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, description = "Input texts.")
    Path in;

    @Option(names = "--out", required = true, description = "Output vectors.")
    Path out;

    @Option(names = "--encoder", defaultValue = "minilm",
            description = "minilm (= minilm-q), minilm-q (all-MiniLM-L6-v2 quantized), minilm-fp32 (fp32), bge-small-zh (BAAI bge-small-zh-v1.5, Chinese), hashing (TF-IDF fitted on the input), or a folder with model.onnx and tokenizer.json (default ${DEFAULT-VALUE}).")
    String encoder;

    @Option(names = "--dim", defaultValue = "4096", description = "hashing: number of buckets (default ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--max-length", defaultValue = "128", description = "model folder: token limit (default ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = "--threads", defaultValue = "1", description = "ONNX Runtime intra-op threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--batch", defaultValue = "32", description = "Texts per model call (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--cache", description = "Cache folder: vectors of texts seen before are not recomputed.")
    Path cache;

    @Mixin
    PoolingOption pooling;

    @Mixin
    VerboseOption verbose;

    @Override
    @SuppressWarnings("try") // the progress display only needs to be closed
    public Integer call() throws Exception {
        List<String> texts = readLines(in);
        long t0 = System.nanoTime();
        try (TextEncoder enc = wrap(open(texts))) {
            float[][] v;
            try (Progress p = Progress.loggedElsewhere("encode", -1)) {
                v = enc.encodeToArrays(texts);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            AtomicFiles.write(out, os -> {
                BufferedWriter w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
                StringBuilder sb = new StringBuilder();
                for (float[] row : v) {
                    sb.setLength(0);
                    for (int j = 0; j < row.length; j++) {
                        if (j > 0) {
                            sb.append('\t');
                        }
                        // 9 significant digits: every float reads back exactly.
                        sb.append(String.format(Locale.ROOT, "%.9g", row[j]));
                    }
                    w.write(sb.append('\n').toString());
                }
                w.flush();
            });
            spec.commandLine().getErr().printf(Locale.ROOT, "encoded %d texts with %s (dim %d) in %.2f s (%.0f texts/s)%n",
                    texts.size(), enc.name(), enc.dim(), seconds, texts.size() / Math.max(seconds, 1e-9));
            if (enc instanceof CachingEncoder c) {
                spec.commandLine().getErr().printf(Locale.ROOT, "cache %s: %d from the cache, %d encoded%s%n", cache,
                        c.hits(), c.misses(), c.badRecords() == 0 ? ""
                                : ", " + c.badRecords() + " corrupt record(s) dropped and encoded again");
            }
        }
        return 0;
    }

    private TextEncoder open(List<String> texts) throws IOException {
        return io.recsys4j.text.TextVectors.openEncoder(encoder, pooling.value(), texts, dim, maxLength, threads, batch);
    }

    private TextEncoder wrap(TextEncoder enc) throws IOException {
        return cache == null ? enc : new CachingEncoder(enc, cache);
    }

    static List<String> readLines(Path file) throws IOException {
        return io.recsys4j.core.internal.Utf8Lines.readAll(file);
    }
}
