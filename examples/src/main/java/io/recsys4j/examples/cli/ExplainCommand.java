package io.recsys4j.examples.cli;

import io.recsys4j.gnn.Contribution;
import io.recsys4j.gnn.GraphFilter;
import io.recsys4j.gnn.Recommender;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code explain}: the exact decomposition of one score of a saved graph-filter model. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Print why a saved graph-filter model scores an item for a user: the score, then kind, id, amount "
                + "and share of each history item and friend, largest first (the amounts of all parts sum to the score).")
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "A model saved by train --model filter --save.")
    Path model;

    @Option(names = "--user", required = true, description = "The user's id as in the training data.")
    String user;

    @Option(names = "--item", required = true, description = "The item's id as in the training data.")
    String item;

    @Option(names = "--n", defaultValue = "10", description = "How many parts at most (default ${DEFAULT-VALUE}).")
    int n;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        if (n < 1) {
            throw new IllegalArgumentException("--n must be >= 1, found " + n);
        }
        Recommender r = Recommender.load(model);
        if (!(r instanceof GraphFilter)) {
            throw new IllegalArgumentException(model + ": explain needs a graph-filter model (train --model filter), this one is '"
                    + r.family() + "'");
        }
        GraphFilter m = (GraphFilter) r;
        if (!m.users().contains(user)) {
            throw new IllegalArgumentException("user '" + user + "' is not in the model (" + m.users().size() + " users)");
        }
        if (!m.items().contains(item)) {
            throw new IllegalArgumentException("item '" + item + "' is not in the model (" + m.items().size() + " items)");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "score\t%.6f%n", m.score(user, item));
        for (Contribution c : m.explain(user, item, n)) {
            out.printf(Locale.ROOT, "%s\t%s\t%.6f\t%.4f%n", c.kind(), c.id(), c.amount(), c.share());
        }
        out.flush();
        return 0;
    }
}
