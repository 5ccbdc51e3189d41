package io.recsys4j.examples;

import io.recsys4j.core.Dataset;
import io.recsys4j.core.Interactions;
import io.recsys4j.eval.EvaluationReport;
import io.recsys4j.eval.RankingEvaluator;
import io.recsys4j.gnn.GraphFilter;
import io.recsys4j.gnn.GraphRecommender;
import io.recsys4j.gnn.ModelKind;
import io.recsys4j.gnn.Recommendation;
import io.recsys4j.gnn.Recommender;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * How close fold-in comes to training a user in: 10% of the users (with at least 5 training
 * items) are left out of training entirely; the model trained without them serves each from
 * their training items by fold-in ({@code recommendForHistory}), the model trained on all the
 * data serves the same users as trained users; both on the same test items, for LightGCN and the
 * graph filter.
 *
 * <pre>
 *   FoldInVsRetrain [FORMAT TRAIN TEST [EPOCHS]]     (LightGCN epochs, default 10; seed 2020)
 * </pre>
 */
public final class FoldInVsRetrain {
    private static final int K = 20;

    private FoldInVsRetrain() {
    }

    public static void main(String[] args) throws Exception {
        int epochs = args.length == 4 ? Integer.parseInt(args[3]) : 10;
        Dataset d = ExampleData.load(args.length == 4 ? Arrays.copyOf(args, 3) : args, "FoldInVsRetrain [EPOCHS]");
        Interactions train = d.train();
        Interactions test = d.test().orElseThrow();
        boolean[] out = ExampleData.leaveOut(train.numUsers(), u -> train.degree(u) >= 5);
        Interactions kept = train.select(IntStream.range(0, train.size()).filter(k -> !out[train.user(k)]).toArray());
        Interactions heldTest = test.select(IntStream.range(0, test.size()).filter(k -> out[test.user(k)]).toArray());
        System.out.printf(Locale.ROOT, "%d of %d users left out of training (%d test pairs), K = %d, LightGCN %d epochs%n",
                IntStream.range(0, out.length).filter(u -> out[u]).count(), train.numUsers(), heldTest.size(), K, epochs);
        System.out.printf(Locale.ROOT, "%-10s %-22s %10s %10s %8s%n", "model", "held-out users served", "recall@20",
                "ndcg@20", "fit s");
        try (RankingEvaluator ev = RankingEvaluator.builder().ks(K).auc(false).build()) {
            for (String family : List.of("lightgcn", "filter")) {
                for (boolean foldIn : new boolean[] {false, true}) {
                    long t0 = System.nanoTime();
                    Recommender m = fit(family, foldIn ? kept : train, epochs);
                    double fit = (System.nanoTime() - t0) / 1e9;
                    EvaluationReport r;
                    if (foldIn) {
                        Map<Integer, List<Recommendation>> lists = new HashMap<>();
                        for (int u = 0; u < out.length; u++) {
                            if (out[u]) {
                                List<String> hist = Arrays.stream(train.itemsOf(u)).mapToObj(i -> train.items().id(i)).toList();
                                lists.put(u, m.recommendForHistory(hist, List.of(), null, K));
                            }
                        }
                        r = ev.evaluate(new ListScorer(lists, train.items()), train, heldTest);
                    } else {
                        r = ev.evaluate(m, train, heldTest);
                    }
                    System.out.printf(Locale.ROOT, "%-10s %-22s %10.4f %10.4f %8.1f%n", family,
                            foldIn ? "by fold-in" : "trained in", r.mean("recall@" + K), r.mean("ndcg@" + K), fit);
                }
            }
        }
    }

    private static Recommender fit(String family, Interactions data, int epochs) {
        if (family.equals("filter")) {
            return GraphFilter.builder().interactions(data).fit();
        }
        return GraphRecommender.builder().interactions(data).kind(ModelKind.LIGHTGCN).layers(3).dim(64).epochs(epochs)
                .learningRate(0.001).regularization(1e-4).batchSize(2048).seed(2020).fit();
    }
}
