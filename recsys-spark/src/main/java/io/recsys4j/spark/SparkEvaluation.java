package io.recsys4j.spark;

import io.recsys4j.eval.UserMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * Distributed evaluation of a recommendation run against a ground truth with exactly the
 * library's metric definitions ({@code docs/metrics.md}; each user's row is {@link UserMetrics},
 * what {@code recsys-cli.jar evaluate} computes): the means of {@code precision@K, recall@K,
 * f1@K, hit@K, ndcg@K, mrr@K} and {@code auc} over the users with a non-empty truth, each metric
 * over the users for whom it is defined, then {@code users}.
 *
 * <p>How this differs from Spark MLlib's {@code RankingMetrics}: there a user with an empty truth
 * counts as 0 in every mean (here such a user is not evaluated: nothing could be found), users
 * present in the truth but absent from the run must be added by the caller (here they count as
 * all-miss), and its graded NDCG expects the labels sorted by relevance (here NDCG is binary, as
 * in the library). On users with a non-empty truth and a ranking, recall@K and ndcg@K agree
 * (tested).
 */
public final class SparkEvaluation {
    private SparkEvaluation() {
    }

    /**
     * Evaluates {@code run} against {@code truth}.
     *
     * @param run columns {@code user}, {@code item}, {@code rank} (1 = best) and optionally
     *     {@code score} (without it a ranked item scores minus its rank, as in a run file); ids
     *     string or integer
     * @param truth columns {@code user}, {@code item}; repeated pairs count once
     * @return the means by metric name, in the order of {@code evaluate --report}'s keys, then
     *     {@code users}; an undefined mean is NaN
     * @throws IllegalArgumentException if a column is missing, or a user's ranking names an item
     *     twice or repeats a rank
     */
    public static Map<String, Object> evaluate(Dataset<Row> run, Dataset<Row> truth, int... ks) {
        UserMetrics metrics = new UserMetrics(ks);
        Columns.require(run, "run", "user", "item", "rank");
        Columns.require(truth, "truth", "user", "item");
        boolean scored = Arrays.asList(run.columns()).contains("score");
        JavaPairRDD<String, Tuple2<Long, Tuple2<String, Double>>> ranked = run.javaRDD().mapToPair(r -> {
            long rank = ((Number) Objects.requireNonNull(r.getAs("rank"), "rank")).longValue();
            double score = scored ? ((Number) r.getAs("score")).doubleValue() : -rank;
            return new Tuple2<>(Columns.id(r, "user"), new Tuple2<>(rank, new Tuple2<>(Columns.id(r, "item"), score)));
        });
        JavaPairRDD<String, String> relevant = truth.javaRDD().mapToPair(r -> new Tuple2<>(Columns.id(r, "user"),
                Columns.id(r, "item")));
        int width = metrics.names().size();
        // Per user: the metric row, summed with a count per column (NaN, an undefined metric, is left out).
        double[] sums = ranked.cogroup(relevant).values().flatMap(g -> {
            Set<String> t = new HashSet<>();
            g._2().forEach(t::add);
            if (t.isEmpty()) {
                return java.util.Collections.emptyIterator();
            }
            List<Tuple2<Long, Tuple2<String, Double>>> list = new ArrayList<>();
            g._1().forEach(list::add);
            list.sort((a, b) -> Long.compare(a._1(), b._1()));
            List<String> items = new ArrayList<>(list.size());
            double[] scores = new double[list.size()];
            Set<String> seen = new HashSet<>();
            for (int j = 0; j < list.size(); j++) {
                if (j > 0 && list.get(j)._1().equals(list.get(j - 1)._1())) {
                    throw new IllegalArgumentException("rank " + list.get(j)._1() + " given twice in a user's ranking");
                }
                String item = list.get(j)._2()._1();
                if (!seen.add(item)) {
                    throw new IllegalArgumentException("item '" + item + "' ranked twice for one user");
                }
                items.add(item);
                scores[j] = list.get(j)._2()._2();
            }
            double[] row = metrics.of(items, scores, t);
            double[] acc = new double[2 * width + 1];
            for (int c = 0; c < width; c++) {
                if (!Double.isNaN(row[c])) {
                    acc[c] = row[c];
                    acc[width + c] = 1;
                }
            }
            acc[2 * width] = 1;
            return List.of(acc).iterator();
        }).fold(new double[2 * width + 1], (a, b) -> {
            double[] s = a.clone();
            for (int c = 0; c < s.length; c++) {
                s[c] += b[c];
            }
            return s;
        });
        Map<String, Object> out = new LinkedHashMap<>();
        for (int c = 0; c < width; c++) {
            out.put(metrics.names().get(c), sums[width + c] == 0 ? Double.NaN : sums[c] / sums[width + c]);
        }
        out.put("users", (int) sums[2 * width]);
        return out;
    }
}
