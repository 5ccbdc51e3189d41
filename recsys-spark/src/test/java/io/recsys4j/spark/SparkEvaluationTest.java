package io.recsys4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recsys4j.eval.EvaluationReport;
import io.recsys4j.eval.RunEvaluator;
import io.recsys4j.eval.RunFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.spark.mllib.evaluation.RankingMetrics;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

class SparkEvaluationTest extends SparkTesting {

    /** A seeded run (20 ranked items for most users, fewer for some, none for a few) and truth. */
    private static final class World {
        final Map<String, List<String>> ranking = new LinkedHashMap<>();
        final Map<String, double[]> scores = new HashMap<>();
        final Map<String, Set<String>> truth = new LinkedHashMap<>();

        World(long seed) {
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int u = 0; u < 400; u++) {
                String user = "u" + u;
                int n = u % 17 == 0 ? 0 : u % 5 == 0 ? 1 + rnd.nextInt(10) : 20;
                List<String> items = new ArrayList<>();
                while (items.size() < n) {
                    String i = "i" + rnd.nextInt(120);
                    if (!items.contains(i)) {
                        items.add(i);
                    }
                }
                double[] s = new double[n];
                for (int j = 0; j < n; j++) {
                    s[j] = n - j + (rnd.nextInt(3) == 0 ? 0.5 : 0);   // descending, with some ties broken by rank
                }
                if (n > 0) {
                    ranking.put(user, items);
                    scores.put(user, s);
                }
                if (u % 23 != 0) {   // some ranked users have no truth at all
                    Set<String> t = new HashSet<>();
                    int m = 1 + rnd.nextInt(8);
                    while (t.size() < m) {
                        t.add("i" + rnd.nextInt(120));
                    }
                    truth.put(user, t);
                }
            }
        }

        Dataset<Row> runFrame(boolean withScores) {
            List<Row> rows = new ArrayList<>();
            for (var e : ranking.entrySet()) {
                for (int j = 0; j < e.getValue().size(); j++) {
                    rows.add(withScores ? RowFactory.create(e.getKey(), e.getValue().get(j), j + 1, scores.get(e.getKey())[j])
                            : RowFactory.create(e.getKey(), e.getValue().get(j), j + 1));
                }
            }
            StructType schema = new StructType().add("user", DataTypes.StringType).add("item", DataTypes.StringType)
                    .add("rank", DataTypes.IntegerType);
            if (withScores) {
                schema = schema.add("score", DataTypes.DoubleType);
            }
            return spark.createDataFrame(rows, schema).repartition(3);
        }

        Dataset<Row> truthFrame() {
            List<Row> rows = new ArrayList<>();
            truth.forEach((u, t) -> t.forEach(i -> rows.add(RowFactory.create(u, i))));
            rows.add(rows.get(0));   // a repeated truth pair counts once
            return spark.createDataFrame(rows, new StructType().add("user", DataTypes.StringType)
                    .add("item", DataTypes.StringType)).repartition(2);
        }
    }

    @Test
    void means_equalRunEvaluator_withAndWithoutScores() {
        World w = new World(7);
        for (boolean withScores : new boolean[] {true, false}) {
            RunFile run = withScores ? RunFile.of(w.ranking, w.scores) : RunFile.of(w.ranking, null);
            EvaluationReport want = new RunEvaluator(1, 5, 10, 20).evaluate(run, w.truth);
            Map<String, Object> got = SparkEvaluation.evaluate(w.runFrame(withScores), w.truthFrame(), 1, 5, 10, 20);
            Map<String, Object> expected = want.summary();
            assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(got.keySet()));
            for (var e : expected.entrySet()) {
                if (e.getValue() instanceof Double d) {
                    assertEquals(d, (Double) got.get(e.getKey()), 1e-12, e.getKey() + " (scores " + withScores + ")");
                } else {
                    assertEquals(e.getValue(), got.get(e.getKey()), e.getKey());
                }
            }
        }
    }

    /**
     * MLlib's RankingMetrics agrees on users with truth and a ranking; a user with a ranking and
     * an empty truth counts 0 in its means, and is not evaluated here.
     */
    @Test
    void mllibRankingMetrics_agreesOnUsersWithTruth_andCountsEmptyTruthAsZero() {
        World w = new World(11);
        List<Tuple2<List<String>, List<String>>> pairs = new ArrayList<>();
        Map<String, List<String>> ranked = new LinkedHashMap<>();
        Map<String, Set<String>> truth = new LinkedHashMap<>();
        for (var e : w.ranking.entrySet()) {
            if (w.truth.containsKey(e.getKey())) {
                pairs.add(new Tuple2<>(e.getValue(), new ArrayList<>(w.truth.get(e.getKey()))));
                ranked.put(e.getKey(), e.getValue());
                truth.put(e.getKey(), w.truth.get(e.getKey()));
            }
        }
        RankingMetrics<String> ml = RankingMetrics.of(
                new org.apache.spark.api.java.JavaSparkContext(spark.sparkContext()).parallelize(pairs, 2));
        EvaluationReport ours = new RunEvaluator(10).evaluate(RunFile.of(ranked, null), truth);
        assertEquals(ours.mean("recall@10"), ml.recallAt(10), 1e-12);
        assertEquals(ours.mean("ndcg@10"), ml.ndcgAt(10), 1e-12);

        int n = pairs.size();
        pairs.add(new Tuple2<>(List.of("i1", "i2"), List.of()));
        RankingMetrics<String> withEmpty = RankingMetrics.of(
                new org.apache.spark.api.java.JavaSparkContext(spark.sparkContext()).parallelize(pairs, 2));
        assertEquals(ours.mean("recall@10") * n / (n + 1), withEmpty.recallAt(10), 1e-12);
        assertTrue(withEmpty.ndcgAt(10) < ours.mean("ndcg@10"));
    }

    @Test
    void badRuns_areRefusedWithTheReason() {
        Dataset<Row> noRank = spark.createDataFrame(List.of(RowFactory.create("u", "i")),
                new StructType().add("user", DataTypes.StringType).add("item", DataTypes.StringType));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkEvaluation.evaluate(noRank, noRank, 10));
        assertTrue(e.getMessage().startsWith("run: no column 'rank'"), e.getMessage());
        Dataset<Row> twice = spark.createDataFrame(List.of(RowFactory.create("u", "i", 1), RowFactory.create("u", "i", 2)),
                new StructType().add("user", DataTypes.StringType).add("item", DataTypes.StringType)
                        .add("rank", DataTypes.IntegerType));
        Exception x = assertThrows(Exception.class, () -> SparkEvaluation.evaluate(twice, noRank, 10));
        assertTrue(String.valueOf(rootCause(x).getMessage()).contains("item 'i' ranked twice"), x.toString());
    }
}
