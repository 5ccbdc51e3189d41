package io.recsys4j.examples;

import io.recsys4j.core.Dataset;
import io.recsys4j.core.Interactions;
import io.recsys4j.core.io.InteractionReader;
import io.recsys4j.core.io.SocialReader;
import io.recsys4j.core.split.Split;
import io.recsys4j.core.split.Splits;
import io.recsys4j.core.synthetic.SyntheticWorld;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the examples run on: the built-in synthetic world (80/20 per user) when no arguments
 * are given, otherwise the user's files {@code FORMAT TRAIN TEST [SOCIAL]} with FORMAT one
 * of {@code lightgcn}, {@code movielens}, {@code pairs}.
 */
final class ExampleData {
    /** Where the examples write their files (charts, CSV, models); git ignores it. */
    static final Path OUTPUT = Path.of("example-output");

    private ExampleData() {
    }

    static Dataset load(String[] args, String usage) throws IOException {
        if (args.length == 0) {
            SyntheticWorld w = SyntheticWorld.builder().seed(42).build();
            Split s = Splits.randomPerUser(w.interactions(), 0.2, 42);
            System.out.printf("synthetic world: %d users, %d items, %d interactions (80/20 per user)%n",
                    w.interactions().numUsers(), w.interactions().numItems(), w.interactions().size());
            return Dataset.builder().train(s.train()).test(s.test()).social(w.social()).itemText(w.itemText())
                    .userText(w.userText()).build();
        }
        if (args.length < 3 || args.length > 4) {
            throw new IllegalArgumentException("usage: " + usage + " [FORMAT TRAIN TEST [SOCIAL]]");
        }
        InteractionReader reader = InteractionReader.forFormat(args[0]);
        Interactions train = reader.read(Path.of(args[1])).data();
        Interactions test = reader.read(Path.of(args[2])).data();
        Dataset.Builder b = Dataset.builder().train(train).test(test);
        if (args.length == 4) {
            b.social(SocialReader.edges().withUnknownUsersAdded().read(Path.of(args[3])).data());
        }
        return b.build();
    }

    static Path output(String name) throws IOException {
        Files.createDirectories(OUTPUT);
        return OUTPUT.resolve(name);
    }
}
