package io.recsys4j.spark;

import io.recsys4j.core.IdMap;
import io.recsys4j.core.Interactions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Interactions from a DataFrame, by the rules of the library's file loaders: columns
 * {@code user} and {@code item} (string or integer ids), optionally {@code weight} (a finite
 * number; 1 without the column) and {@code timestamp} (an integer, seconds); repeated (user, item)
 * pairs become one, weights summed and the latest timestamp kept, as {@link Interactions} merges
 * them. A bad row (a null or blank id, a weight that is not a finite number, a timestamp that is
 * not an integer) is never dropped silently: by default the read fails naming how many rows were
 * bad, why, and the first of them; {@link #skippingBadRows} keeps the good rows and reports the
 * bad ones ({@link #badRows()}, and in the log). Ids are indexed in sorted order, distributedly.
 */
public final class SparkInteractions {
    private static final Logger LOG = LoggerFactory.getLogger(SparkInteractions.class);
    private static final int EXAMPLES = 5;

    /** One parsed row: the ids, weight and time, or the reason it is bad. */
    private record Parsed(String user, String item, double weight, long time, String bad) implements java.io.Serializable {
    }

    /** The unique pairs: (user, item) to {summed weight, latest time, rows merged}. */
    private final JavaPairRDD<Tuple2<String, String>, double[]> merged;
    /** Each user (item) id with its index: the rank in sorted order, which {@link #users()} ({@link #items()}) also gives. */
    private final JavaPairRDD<String, Integer> userIndex;
    private final JavaPairRDD<String, Integer> itemIndex;
    private final IdMap users;
    private final IdMap items;
    private final long rows;
    private final long repeats;
    private final Map<String, Long> badRows;
    private final List<String> badExamples;
    private final boolean timed;
    private final boolean weighted;

    private SparkInteractions(JavaPairRDD<Tuple2<String, String>, double[]> merged, JavaPairRDD<String, Integer> userIndex,
                              JavaPairRDD<String, Integer> itemIndex, long rows, long repeats, Map<String, Long> badRows,
                              List<String> badExamples, boolean weighted, boolean timed) {
        this.merged = merged;
        this.userIndex = userIndex;
        this.itemIndex = itemIndex;
        // Collected in partition order, which is sorted order: position k is the index k of the RDD.
        this.users = IdMap.of(userIndex.keys().collect());
        this.items = IdMap.of(itemIndex.keys().collect());
        this.rows = rows;
        this.repeats = repeats;
        this.badRows = Map.copyOf(badRows);
        this.badExamples = List.copyOf(badExamples);
        this.weighted = weighted;
        this.timed = timed;
    }

    /**
     * Reads {@code df}, failing on the first bad row's kind.
     *
     * @throws IllegalArgumentException if a column is missing, or naming the count, reasons and
     *     first examples of the bad rows
     */
    public static SparkInteractions read(Dataset<Row> df) {
        return read(df, true);
    }

    /** As {@link #read}, keeping the good rows when some are bad (counted in {@link #badRows()}). */
    public static SparkInteractions skippingBadRows(Dataset<Row> df) {
        return read(df, false);
    }

    private static SparkInteractions read(Dataset<Row> df, boolean strict) {
        Columns.require(df, "interactions", "user", "item");
        List<String> cols = Arrays.asList(df.columns());
        boolean weighted = cols.contains("weight");
        boolean timed = cols.contains("timestamp");
        JavaRDD<Parsed> parsed = df.javaRDD().map(r -> parse(r, weighted, timed)).cache();
        try {
            long rows = parsed.count();
            Map<String, Long> bad = new LinkedHashMap<>(parsed.filter(p -> p.bad() != null)
                    .mapToPair(p -> new Tuple2<>(p.bad(), 1L)).reduceByKey(Long::sum).collectAsMap());
            List<String> examples = new ArrayList<>();
            if (!bad.isEmpty()) {
                for (Parsed p : parsed.filter(q -> q.bad() != null).take(EXAMPLES)) {
                    examples.add(p.user());   // the row's text is kept in the id field of a bad row
                }
                long n = bad.values().stream().mapToLong(Long::longValue).sum();
                String what = n + " bad row(s) of " + rows + " " + bad + "; first: " + examples;
                if (strict) {
                    throw new IllegalArgumentException("interactions: " + what);
                }
                LOG.warn("interactions: skipping {}", what);
            }
            JavaPairRDD<Tuple2<String, String>, double[]> merged = parsed.filter(p -> p.bad() == null)
                    .mapToPair(p -> new Tuple2<>(new Tuple2<>(p.user(), p.item()), new double[] {p.weight(), p.time(), 1}))
                    .reduceByKey((a, b) -> new double[] {a[0] + b[0], Math.max(a[1], b[1]), a[2] + b[2]});
            merged.cache();
            long good = rows - bad.values().stream().mapToLong(Long::longValue).sum();
            long pairs = merged.count();
            int parts = merged.getNumPartitions();
            JavaPairRDD<String, Integer> users = index(merged.keys().map(Tuple2::_1), parts).cache();
            JavaPairRDD<String, Integer> items = index(merged.keys().map(Tuple2::_2), parts).cache();
            return new SparkInteractions(merged, users, items, rows, good - pairs, bad, examples, weighted, timed);
        } finally {
            parsed.unpersist();
        }
    }

    private static Parsed parse(Row r, boolean weighted, boolean timed) {
        String user = id(r.getAs("user"));
        String item = id(r.getAs("item"));
        if (user == null || item == null) {
            return new Parsed(r.toString(), null, 0, 0, user == null ? "null or blank user" : "null or blank item");
        }
        double w = 1;
        if (weighted) {
            Object v = r.getAs("weight");
            try {
                w = v instanceof Number n ? n.doubleValue() : v == null ? Double.NaN : Double.parseDouble(v.toString().strip());
            } catch (NumberFormatException e) {
                w = Double.NaN;
            }
            if (!Double.isFinite(w) || Math.abs(w) > Float.MAX_VALUE) {
                return new Parsed(r.toString(), null, 0, 0, "weight not a finite number");
            }
        }
        long t = 0;
        if (timed) {
            Object v = r.getAs("timestamp");
            if (v instanceof java.sql.Timestamp ts) {
                t = ts.getTime() / 1000;
            } else if (v instanceof Long || v instanceof Integer || v instanceof Short) {
                t = ((Number) v).longValue();
            } else {
                try {
                    t = Long.parseLong(String.valueOf(v).strip());
                } catch (NumberFormatException e) {
                    return new Parsed(r.toString(), null, 0, 0, "timestamp not an integer");
                }
            }
        }
        return new Parsed(user, item, w, t, null);
    }

    private static String id(Object v) {
        if (v == null) {
            return null;
        }
        String s = v.toString().strip();
        return s.isEmpty() ? null : s;
    }

    /** The user ids, sorted. */
    public IdMap users() {
        return users;
    }

    /** The item ids, sorted. */
    public IdMap items() {
        return items;
    }

    /** Rows read, bad ones included. */
    public long rows() {
        return rows;
    }

    /** Good rows that repeated a (user, item) pair and were merged into it. */
    public long repeats() {
        return repeats;
    }

    /** Bad rows by reason (empty unless read with {@link #skippingBadRows}). */
    public Map<String, Long> badRows() {
        return badRows;
    }

    /** The first bad rows, as Spark prints them. */
    public List<String> badExamples() {
        return badExamples;
    }

    /**
     * The unique pairs as (user index, item index) in {@link #users()} and {@link #items()},
     * indexed on the executors by joins with the sorted ids, so no id map is shipped.
     */
    JavaPairRDD<Integer, Integer> indexedPairs() {
        return merged.keys().mapToPair(k -> k).join(userIndex)
                .mapToPair(t -> new Tuple2<>(t._2()._1(), t._2()._2()))
                .join(itemIndex)
                .mapToPair(t -> new Tuple2<>(t._2()._1(), t._2()._2()));
    }

    /** Each distinct id with its rank in sorted order: the index {@link IdMap#of} gives the sorted list. */
    private static JavaPairRDD<String, Integer> index(JavaRDD<String> ids, int parts) {
        return ids.distinct().sortBy(s -> s, true, parts).zipWithIndex()
                .mapToPair(t -> new Tuple2<>(t._1(), Math.toIntExact(t._2())));
    }

    /** The unique pairs as the library's {@link Interactions}, on the driver. */
    public Interactions toInteractions() {
        List<Tuple2<Tuple2<String, String>, double[]>> pairs = merged.collect();
        int n = pairs.size();
        int[] u = new int[n];
        int[] i = new int[n];
        float[] w = weighted ? new float[n] : null;
        long[] t = timed ? new long[n] : null;
        for (int k = 0; k < n; k++) {
            var p = pairs.get(k);
            u[k] = users.indexOf(p._1()._1());
            i[k] = items.indexOf(p._1()._2());
            if (w != null) {
                w[k] = (float) p._2()[0];
            }
            if (t != null) {
                t[k] = (long) p._2()[1];
            }
        }
        return Interactions.of(users, items, u, i, w, t);
    }
}
