package io.recsys4j.examples.cli;

import io.recsys4j.core.TextTable;
import io.recsys4j.gnn.Contribution;
import io.recsys4j.gnn.Recommender;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code explain}: the exact decomposition of one score of a saved model. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Print why a saved model scores an item for a user: the score, then kind (item, friend, text, "
                + "self), id, amount and share of each part, largest first (the amounts of all parts sum to the score); "
                + "with --item-text, each item's text.")
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "A model saved by train --save (any model).")
    Path model;

    @Option(names = "--item-text", description = "Item texts to print beside the items: MovieLens movies.csv, or a TSV "
            + "id<TAB>text.")
    Path itemText;

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
        Recommender m = Recommender.load(model);
        if (!m.users().contains(user)) {
            throw new IllegalArgumentException("user '" + user + "' is not in the model (" + m.users().size() + " users)");
        }
        if (!m.items().contains(item)) {
            throw new IllegalArgumentException("item '" + item + "' is not in the model (" + m.items().size() + " items)");
        }
        TextTable texts = itemText == null ? null : io.recsys4j.text.TextVectors.readTable(itemText, null);
        List<Contribution> parts = m.explain(user, item, n);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "score\t%.6f%s%n", m.score(user, item), text(texts, item));
        for (Contribution c : parts) {
            out.printf(Locale.ROOT, "%s\t%s\t%.6f\t%.4f%s%n", c.kind(), c.id(), c.amount(), c.share(),
                    c.kind().equals("item") ? text(texts, c.id()) : "");
        }
        out.flush();
        return 0;
    }

    /** A tab and the item's text, or nothing when there is no table or no text for it. */
    private static String text(TextTable texts, String id) {
        if (texts == null || !texts.ids().contains(id)) {
            return "";
        }
        String t = texts.text(texts.ids().require(id));
        return t == null || t.isEmpty() ? "" : "\t" + t.replace('\t', ' ').replace('\n', ' ');
    }
}
