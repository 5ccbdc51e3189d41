package io.recsys4j.examples.cli;

import io.recsys4j.core.Dataset;
import io.recsys4j.core.Interactions;
import io.recsys4j.core.SocialGraph;
import io.recsys4j.core.graph.DegreeStats;
import io.recsys4j.core.graph.GraphViews;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stats}: sizes, density, degree quantiles and connectivity of a data set. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Print users, items, interactions, density, degree quantiles, social edges and connected components.")
final class StatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        print(data.load(out), out);
        return 0;
    }

    /** Prints the statistics of {@code d}. */
    static void print(Dataset d, PrintWriter out) {
        Interactions tr = d.train();
        out.printf(Locale.ROOT, "%-22s %d%n", "users", d.users().size());
        out.printf(Locale.ROOT, "%-22s %d%n", "items", d.items().size());
        printPart(out, "train", tr);
        d.valid().ifPresent(x -> printPart(out, "valid", x));
        d.test().ifPresent(x -> printPart(out, "test", x));
        out.printf(Locale.ROOT, "%-22s %s%n", "user degree (train)", format(DegreeStats.of(tr.userDegrees())));
        out.printf(Locale.ROOT, "%-22s %s%n", "item degree (train)", format(DegreeStats.of(tr.itemDegrees())));
        out.printf(Locale.ROOT, "%-22s %d%n", "components (train)",
                GraphViews.connectedComponents(GraphViews.interactionGraph(tr)));
        if (d.social().isPresent()) {
            SocialGraph g = d.social().get();
            int[] deg = new int[g.numUsers()];
            for (int u = 0; u < deg.length; u++) {
                deg[u] = g.degree(u);
            }
            out.printf(Locale.ROOT, "%-22s %d%n", "social edges", g.numEdges());
            out.printf(Locale.ROOT, "%-22s %s%n", "social degree", format(DegreeStats.of(deg)));
            out.printf(Locale.ROOT, "%-22s %d%n", "components (social)",
                    GraphViews.connectedComponents(GraphViews.socialGraph(g)));
        }
        out.flush();
    }

    private static void printPart(PrintWriter out, String name, Interactions x) {
        double density = (double) x.size() / ((double) x.numUsers() * x.numItems());
        out.printf(Locale.ROOT, "%-22s %d (density %.6f)%n", "interactions (" + name + ")", x.size(), density);
    }

    private static String format(DegreeStats s) {
        return String.format(Locale.ROOT, "min %d  p25 %d  median %d  p75 %d  p90 %d  p99 %d  max %d  mean %.2f",
                s.min(), s.p25(), s.median(), s.p75(), s.p90(), s.p99(), s.max(), s.mean());
    }
}
