package io.recsys4j.examples;

import io.recsys4j.core.Dataset;
import io.recsys4j.core.IdMap;
import io.recsys4j.core.Interactions;
import io.recsys4j.core.Scorer;
import io.recsys4j.core.SocialGraph;
import io.recsys4j.eval.EvaluationReport;
import io.recsys4j.eval.PairedDifference;
import io.recsys4j.eval.RankingEvaluator;
import io.recsys4j.eval.baseline.PopularityScorer;
import io.recsys4j.gnn.GraphFilter;
import io.recsys4j.gnn.GraphRecommender;
import io.recsys4j.gnn.ModelKind;
import io.recsys4j.gnn.Recommendation;
import io.recsys4j.gnn.Recommender;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Social recommendation: the same data without and with the user-user social graph, for two
 * families: LightGCN against its social variants ({@code socialcl}: LightGCN trained with a
 * social contrastive term; {@code social}: each layer mixes {@code (1-β)} of the interaction
 * graph with {@code β} of the friends' embeddings), and the graph filter without and with its
 * social term (a user's row smoothed with their friends' rows before filtering, β chosen on
 * validation). Figures overall and by the users' number of training items, where friends
 * should help most, and the per-user differences with their 95% intervals.
 *
 * <p>Then new users: 10% of the users with friends are left out of training entirely (their
 * interactions and their social edges), and each is served from their friends alone
 * ({@code recommendForNewUser} / {@code recommendForHistory} with an empty history), against
 * popularity; their truth is all their interactions, training and test.
 *
 * <p>The graph models train with the reference settings (3 layers, dim 64, lr 0.001,
 * reg 1e-4, batch 2048, seed 2020).
 *
 * <pre>
 * java -cp examples/target/recsys-cli.jar io.recsys4j.examples.SocialSideBySide [FORMAT TRAIN TEST SOCIAL [EPOCHS]]
 * </pre>
 * EPOCHS (default 400) is the number of epochs of the trained models; the filters are not trained.
 */
public final class SocialSideBySide {
    private static final List<String> BUCKETS = List.of("<= 5", "6-20", "> 20");
    private static final List<IntPredicate> IN_BUCKET = List.of(d -> d <= 5, d -> d > 5 && d <= 20, d -> d > 20);
    private static final int K = 20;

    private SocialSideBySide() {
    }

    public static void main(String[] args) throws Exception {
        int epochs = args.length == 5 ? Integer.parseInt(args[4]) : 400;
        Dataset data = ExampleData.load(args.length == 5 ? Arrays.copyOf(args, 4) : args,
                "SocialSideBySide (optionally EPOCHS after SOCIAL)");
        if (data.social().isEmpty()) {
            throw new IllegalArgumentException("this example needs a social graph (the fourth argument)");
        }
        Interactions train = data.train();
        Interactions test = data.test().orElseThrow();
        SocialGraph social = data.social().orElseThrow();

        Map<String, EvaluationReport> reports = new LinkedHashMap<>();
        System.out.printf("%n%-14s %10s %10s %9s   recall@20 by training items %s%n", "model", "recall@20",
                "ndcg@20", "fit s", BUCKETS);
        for (String name : List.of("lightgcn", "socialcl", "social", "filter", "filter+social")) {
            long t0 = System.nanoTime();
            Recommender m = fit(name, train, social, epochs);
            double seconds = (System.nanoTime() - t0) / 1e9;
            EvaluationReport r = m.evaluate(test, K);
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
        for (String[] p : List.of(new String[] {"socialcl", "lightgcn"}, new String[] {"social", "lightgcn"},
                new String[] {"filter+social", "filter"}, new String[] {"filter+social", "lightgcn"},
                new String[] {"filter+social", "socialcl"})) {
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
        newUsers(train, test, social, epochs);
    }

    private static Recommender fit(String name, Interactions train, SocialGraph social, int epochs) {
        GraphRecommender.Builder common = GraphRecommender.builder().interactions(train).layers(3).dim(64)
                .epochs(epochs).learningRate(0.001).regularization(1e-4).batchSize(2048).seed(2020);
        return switch (name) {
            case "lightgcn" -> common.kind(ModelKind.LIGHTGCN).fit();
            case "socialcl" -> common.kind(ModelKind.SOCIALCL).social(social).fit();
            case "social" -> common.kind(ModelKind.SOCIAL).social(social).fit();
            case "filter" -> GraphFilter.builder().interactions(train).fit();
            case "filter+social" -> GraphFilter.builder().interactions(train).social(social).fit();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * Leaves 10% of the users with friends out of training (interactions and social edges) and
     * serves each from their remaining friends only.
     */
    private static void newUsers(Interactions train, Interactions test, SocialGraph social, int epochs) {
        int users = train.numUsers();
        boolean[] out = ExampleData.leaveOut(users, u -> social.degree(u) > 0 && train.degree(u) > 0);
        Interactions kept = train.select(java.util.stream.IntStream.range(0, train.size())
                .filter(k -> !out[train.user(k)]).toArray());
        List<int[]> edges = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            for (int v : social.neighbours(u)) {
                if (u < v && !out[u] && !out[v]) {
                    edges.add(new int[] {u, v});
                }
            }
        }
        SocialGraph keptSocial = SocialGraph.of(social.users(), edges.stream().mapToInt(e -> e[0]).toArray(),
                edges.stream().mapToInt(e -> e[1]).toArray());
        // Truth: everything the new user did, training and test; friends: those still in the model.
        Interactions.Builder truth = Interactions.builder(train.users(), train.items());
        Map<Integer, List<String>> friends = new LinkedHashMap<>();
        for (int u = 0; u < users; u++) {
            if (!out[u]) {
                continue;
            }
            List<String> fs = new ArrayList<>();
            for (int v : social.neighbours(u)) {
                if (!out[v] && kept.degree(v) > 0) {
                    fs.add(social.users().id(v));
                }
            }
            if (fs.isEmpty()) {
                continue;
            }
            friends.put(u, fs);
            for (int i : train.itemsOf(u)) {
                truth.add(u, i);
            }
        }
        for (int k = 0; k < test.size(); k++) {
            if (friends.containsKey(test.user(k)) && !train.contains(test.user(k), test.item(k))) {
                truth.add(test.user(k), test.item(k));
            }
        }
        Interactions newTruth = truth.build();
        System.out.printf(Locale.ROOT, "%nnew users: %d left out of training, served from their friends alone%n",
                friends.size());
        Map<String, EvaluationReport> reports = new LinkedHashMap<>();
        try (RankingEvaluator ev = RankingEvaluator.builder().ks(K).auc(false).build()) {
            reports.put("popularity", ev.evaluate(new PopularityScorer(kept), kept, newTruth));
            for (String name : List.of("lightgcn", "socialcl", "filter+social")) {
                Recommender m = fit(name, kept, keptSocial, epochs);
                Map<Integer, List<Recommendation>> lists = new java.util.HashMap<>();
                friends.forEach((u, fs) -> lists.put(u, m.recommendForHistory(List.of(), fs, null, K)));
                reports.put(name, ev.evaluate(new ListScorer(lists, train.items()), kept, newTruth));
            }
        }
        reports.forEach((name, r) -> System.out.printf(Locale.ROOT, "  %-14s recall@20 %.4f  ndcg@20 %.4f%n", name,
                r.mean("recall@20"), r.mean("ndcg@20")));
        for (String[] p : List.of(new String[] {"socialcl", "popularity"}, new String[] {"socialcl", "lightgcn"},
                new String[] {"filter+social", "socialcl"})) {
            for (String metric : List.of("recall@20", "ndcg@20")) {
                System.out.printf(Locale.ROOT, "  %-26s %-9s %s%n", p[0] + " - " + p[1], metric,
                        PairedDifference.of(reports.get(p[0]), reports.get(p[1]), metric));
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
