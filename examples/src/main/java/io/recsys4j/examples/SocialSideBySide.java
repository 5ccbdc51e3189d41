package io.recsys4j.examples;

import io.recsys4j.core.Dataset;
import io.recsys4j.core.IdMap;
import io.recsys4j.core.Interactions;
import io.recsys4j.eval.EvaluationReport;
import io.recsys4j.eval.PairedDifference;
import io.recsys4j.gnn.GraphFilter;
import io.recsys4j.gnn.GraphRecommender;
import io.recsys4j.gnn.ModelKind;
import io.recsys4j.gnn.Recommender;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Social recommendation: the same data without and with the user-user social graph, for two
 * families: LightGCN and its social variant (each layer mixes {@code (1-β)} of the interaction
 * graph with {@code β} of the friends' embeddings for users), and the graph filter without and
 * with its social term (a user's row smoothed with their friends' rows before filtering, β
 * chosen on validation). Figures overall and by the users' number of training items, where
 * friends should help most, and the per-user differences with their 95% intervals.
 *
 * <pre>
 * java -cp examples/target/recsys-cli.jar io.recsys4j.examples.SocialSideBySide [FORMAT TRAIN TEST SOCIAL [EPOCHS]]
 * </pre>
 * EPOCHS (default 30) is the number of LightGCN epochs; the filters are not trained.
 */
public final class SocialSideBySide {
    private static final List<String> BUCKETS = List.of("<= 5", "6-20", "> 20");
    private static final List<IntPredicate> IN_BUCKET = List.of(d -> d <= 5, d -> d > 5 && d <= 20, d -> d > 20);

    private SocialSideBySide() {
    }

    public static void main(String[] args) throws Exception {
        int epochs = args.length == 5 ? Integer.parseInt(args[4]) : 30;
        Dataset data = ExampleData.load(args.length == 5 ? Arrays.copyOf(args, 4) : args,
                "SocialSideBySide (optionally EPOCHS after SOCIAL)");
        if (data.social().isEmpty()) {
            throw new IllegalArgumentException("this example needs a social graph (the fourth argument)");
        }
        Interactions train = data.train();
        Interactions test = data.test().orElseThrow();
        GraphRecommender.Builder common = GraphRecommender.builder().data(data).layers(3).dim(64).epochs(epochs)
                .learningRate(0.005).seed(42);

        Map<String, EvaluationReport> reports = new LinkedHashMap<>();
        System.out.printf("%n%-14s %10s %10s %9s   recall@20 by training items %s%n", "model", "recall@20",
                "ndcg@20", "fit s", BUCKETS);
        for (String name : List.of("lightgcn", "sociallgn", "social", "filter", "filter+social")) {
            long t0 = System.nanoTime();
            Recommender m = switch (name) {
                case "lightgcn" -> common.kind(ModelKind.LIGHTGCN).fit();
                case "social" -> common.kind(ModelKind.SOCIAL).socialWeight(0.25).fit();
                case "sociallgn" -> common.kind(ModelKind.SOCIALLGN).fit();
                case "filter" -> GraphFilter.builder().interactions(train).fit();
                default -> GraphFilter.builder().data(data).fit();
            };
            double seconds = (System.nanoTime() - t0) / 1e9;
            EvaluationReport r = m.evaluate(test, 20);
            reports.put(name, r);
            StringBuilder buckets = new StringBuilder();
            for (IntPredicate b : IN_BUCKET) {
                buckets.append(String.format(Locale.ROOT, " %8.4f", bucket(r, train, b).mean("recall@20")));
            }
            System.out.printf(Locale.ROOT, "%-14s %10.4f %10.4f %9.1f  %s%n", name, r.mean("recall@20"),
                    r.mean("ndcg@20"), seconds, buckets);
        }
        StringBuilder sizes = new StringBuilder();
        for (int b = 0; b < BUCKETS.size(); b++) {
            sizes.append(String.format(Locale.ROOT, "%s%s: %d", b == 0 ? "" : ", ", BUCKETS.get(b),
                    bucket(reports.get("lightgcn"), train, IN_BUCKET.get(b)).users()));
        }
        System.out.printf("(test users by training items: %s)%n", sizes);

        System.out.printf("%nper-user differences, mean [95%% interval], overall and by training items%n");
        for (String[] p : List.of(new String[] {"social", "lightgcn"}, new String[] {"sociallgn", "lightgcn"},
                new String[] {"filter+social", "filter"},
                new String[] {"filter+social", "lightgcn"}, new String[] {"filter+social", "social"})) {
            for (String metric : List.of("recall@20", "ndcg@20")) {
                EvaluationReport a = reports.get(p[0]);
                EvaluationReport b = reports.get(p[1]);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-26s %-9s all %s",
                        p[0] + " - " + p[1], metric, PairedDifference.of(a, b, metric)));
                for (int k = 0; k < BUCKETS.size(); k++) {
                    IntPredicate in = IN_BUCKET.get(k);
                    EvaluationReport ba = bucket(a, train, in);
                    line.append(String.format(Locale.ROOT, "  %s %s", BUCKETS.get(k), ba.users() < 2 ? "(too few users)"
                            : PairedDifference.of(ba, bucket(b, train, in), metric)));
                }
                System.out.println(line);
            }
        }
    }

    /** The report over the users whose number of training items {@code in} accepts. */
    private static EvaluationReport bucket(EvaluationReport r, Interactions train, IntPredicate in) {
        IdMap users = train.users();
        return r.forUsers(id -> {
            int u = users.indexOf(id);
            return in.test(u < 0 ? 0 : train.degree(u));
        });
    }
}
