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

    /**
     * 10% of all the users, drawn at random (seed 2020) among those {@code eligible} accepts: the
     * users an example leaves out of training to serve them as new.
     */
    static boolean[] leaveOut(int users, java.util.function.IntPredicate eligible) {
        int[] candidates = java.util.stream.IntStream.range(0, users).filter(eligible).toArray();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(2020);
        for (int k = candidates.length - 1; k > 0; k--) {
            int j = rnd.nextInt(k + 1);
            int t = candidates[k];
            candidates[k] = candidates[j];
            candidates[j] = t;
        }
        boolean[] out = new boolean[users];
        int held = (int) Math.round(0.1 * users);
        for (int k = 0; k < Math.min(held, candidates.length); k++) {
            out[candidates[k]] = true;
        }
        return out;
    }

    static Path output(String name) throws IOException {
        Files.createDirectories(OUTPUT);
        return OUTPUT.resolve(name);
    }
}
