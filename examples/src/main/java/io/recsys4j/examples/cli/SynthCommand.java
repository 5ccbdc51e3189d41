package io.recsys4j.examples.cli;

import io.recsys4j.core.Interactions;
import io.recsys4j.core.SocialGraph;
import io.recsys4j.core.TextTable;
import io.recsys4j.core.internal.AtomicFiles;
import io.recsys4j.core.split.Split;
import io.recsys4j.core.split.Splits;
import io.recsys4j.core.synthetic.SyntheticWorld;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code synth}: writes the built-in synthetic world as data files. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Write the seeded synthetic e-commerce world to a folder as data files.",
            "Files: train.txt and test.txt (LightGCN format, a random per-user split), test.tsv (user<TAB>item "
                + "truth), social.tsv (user<TAB>user), items.tsv and users.tsv (id<TAB>text). Ids are the dense "
                + "indices."})
final class SynthCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, description = "Output folder (created if needed).")
    Path out;

    @Option(names = "--users", defaultValue = "2000", description = "Users (default ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--items", defaultValue = "5000", description = "Items (default ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--categories", defaultValue = "20", description = "Categories (default ${DEFAULT-VALUE}).")
    int categories;

    @Option(names = "--interactions", defaultValue = "100000", description = "Interactions (default ${DEFAULT-VALUE}).")
    int interactions;

    @Option(names = "--test-ratio", defaultValue = "0.2", description = "Share of each user's interactions held out (default ${DEFAULT-VALUE}).")
    double testRatio;

    @Mixin
    SeedOption seeds;

    @Mixin
    LanguageOption language;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        SyntheticWorld w = SyntheticWorld.builder().users(users).items(items).categories(categories)
                .interactions(interactions).seed(seeds.seed).language(language.value()).build();
        Split s = Splits.randomPerUser(w.interactions(), testRatio, seeds.seed);
        writeLightGcn(out.resolve("train.txt"), s.train());
        writeLightGcn(out.resolve("test.txt"), s.test());
        write(out.resolve("test.tsv"), sb -> {
            for (int k = 0; k < s.test().size(); k++) {
                sb.append(s.test().user(k)).append('\t').append(s.test().item(k)).append('\n');
            }
        });
        SocialGraph g = w.social();
        write(out.resolve("social.tsv"), sb -> {
            for (int u = 0; u < g.numUsers(); u++) {
                for (int v : g.neighbours(u)) {
                    if (u < v) {
                        sb.append(u).append('\t').append(v).append('\n');
                    }
                }
            }
        });
        writeText(out.resolve("items.tsv"), w.itemText());
        writeText(out.resolve("users.tsv"), w.userText());
        PrintWriter o = spec.commandLine().getOut();
        o.printf("wrote %s: %d users, %d items, %d train and %d test interactions, %d friendships%n",
                out, w.interactions().numUsers(), w.interactions().numItems(), s.train().size(), s.test().size(), g.numEdges());
        o.flush();
        return 0;
    }

    private static void writeLightGcn(Path file, Interactions x) throws IOException {
        write(file, sb -> {
            for (int u = 0; u < x.numUsers(); u++) {
                sb.append(u);
                for (int i : x.itemsOf(u)) {
                    sb.append(' ').append(i);
                }
                sb.append('\n');
            }
        });
    }

    private static void writeText(Path file, TextTable t) throws IOException {
        write(file, sb -> {
            for (int i = 0; i < t.ids().size(); i++) {
                if (t.text(i) != null) {
                    sb.append(i).append('\t').append(t.text(i)).append('\n');
                }
            }
        });
    }

    private static void write(Path file, Consumer<StringBuilder> content) throws IOException {
        StringBuilder sb = new StringBuilder();
        content.accept(sb);
        AtomicFiles.writeString(file, sb.toString());
    }
}
