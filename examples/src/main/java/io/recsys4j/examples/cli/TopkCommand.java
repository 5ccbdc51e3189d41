package io.recsys4j.examples.cli;

import io.recsys4j.core.internal.AtomicFiles;
import io.recsys4j.core.io.MalformedDataException;
import io.recsys4j.eval.RunFile;
import io.recsys4j.gnn.Recommendation;
import io.recsys4j.gnn.Recommender;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code topk}: the top-K list of every user of a saved model, as a run file. */
@Command(name = "topk", mixinStandardHelpOptions = true,
        description = "Write the top-K lists of a saved model's users (all of them, or those of --users) as a run file "
            + "(user<TAB>item<TAB>score, best first; training items excluded), the input of evaluate.")
final class TopkCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "A model file written by train --save.")
    Path model;

    @Option(names = "--k", defaultValue = "20", description = "List length (default ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--out", required = true, description = "The run file to write.")
    Path out;

    @Option(names = "--users", description = "Only these users: one id per line (default: every user of the model).")
    Path usersFile;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        if (k < 1) {
            throw new IllegalArgumentException("--k must be >= 1, found " + k);
        }
        Recommender m = Recommender.load(model);
        List<String> users = usersFile == null ? m.users().ids() : readUsers(m);
        long t0 = System.nanoTime();
        long[] lines = new long[1];
        try (Progress p = Progress.of("top-" + k, users.size())) {
            AtomicFiles.write(out, os -> {
                BufferedWriter w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
                m.recommendBatch(users, k, 256, (u, list) -> {
                    try {
                        for (Recommendation r : list) {
                            w.write(RunFile.line(u, r.itemId(), r.score()));
                            lines[0]++;
                        }
                    } catch (java.io.IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    p.step();
                });
                w.flush();
            });
        }
        spec.commandLine().getErr().printf(Locale.ROOT, "wrote %s: top-%d of %d users (%d lines) in %.1f s%n", out, k,
                users.size(), lines[0], (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    private List<String> readUsers(Recommender m) throws java.io.IOException {
        List<String> lines = io.recsys4j.core.internal.Utf8Lines.readAll(usersFile);
        List<String> users = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int l = 0; l < lines.size(); l++) {
            String u = lines.get(l).strip();
            if (u.isEmpty()) {
                continue;
            }
            if (!m.users().contains(u)) {
                throw new MalformedDataException(usersFile, l + 1, "user '" + u + "' is not a user of " + model);
            }
            if (seen.add(u)) {
                users.add(u);
            }
        }
        return users;
    }
}
