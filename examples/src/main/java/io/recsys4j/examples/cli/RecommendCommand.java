package io.recsys4j.examples.cli;

import io.recsys4j.gnn.Recommender;
import io.recsys4j.gnn.Recommendation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code recommend}: top-K items for one user from a saved model. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = "Print the top-K items for a user (training items excluded): rank, item, score.")
final class RecommendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "A model saved by train --save.")
    Path model;

    @Option(names = "--user", required = true, description = "The user's id as in the training data.")
    String user;

    @Option(names = "--k", defaultValue = "10", description = "How many (default ${DEFAULT-VALUE}).")
    int k;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        Recommender m = Recommender.load(model);
        if (!m.users().contains(user)) {
            throw new IllegalArgumentException("user '" + user + "' is not in the model (" + m.users().size() + " users)");
        }
        PrintWriter out = spec.commandLine().getOut();
        int rank = 1;
        for (Recommendation r : m.recommend(user, k)) {
            out.printf(Locale.ROOT, "%d\t%s\t%.6f%n", rank++, r.itemId(), r.score());
        }
        out.flush();
        return 0;
    }
}
