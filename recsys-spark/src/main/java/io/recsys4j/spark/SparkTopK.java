package io.recsys4j.spark;

import io.recsys4j.gnn.Recommendation;
import io.recsys4j.gnn.Recommender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Distributed batch top-K for any saved model of the library: the model file is shipped to every
 * executor ({@code SparkContext.addFile}), loaded once per executor JVM and shared by its tasks
 * (inference is thread-safe), and each partition of users is scored in blocks with
 * {@link Recommender#recommendBatch}, training items excluded: the lists are the
 * single-machine ones. The result has columns {@code user}, {@code rank} (1 = best),
 * {@code item}, {@code score}.
 */
public final class SparkTopK {
    /** Users per {@code recommendBatch} call: bounds a task's memory at this many lists. */
    private static final int USERS_PER_CALL = 4096;
    private static final int BLOCK = 256;
    private static final Map<String, Recommender> LOADED = new ConcurrentHashMap<>();

    /** The schema of the result. */
    public static final StructType SCHEMA = new StructType().add("user", DataTypes.StringType, false)
            .add("rank", DataTypes.IntegerType, false).add("item", DataTypes.StringType, false)
            .add("score", DataTypes.FloatType, false);

    private SparkTopK() {
    }

    /**
     * Top-{@code k} lists for every user of the model.
     *
     * @param partitions how many tasks share the users
     * @throws IOException if the model cannot be read on the driver
     */
    public static Dataset<Row> forAllUsers(SparkSession spark, Path model, int k, int partitions) throws IOException {
        List<String> users = Recommender.load(model).users().ids();
        JavaRDD<String> ids = new JavaSparkContext(spark.sparkContext()).parallelize(users, Math.max(1, partitions));
        return recommend(spark, model, ids, k);
    }

    /**
     * Top-{@code k} lists for the users of a DataFrame (column {@code user}; repeated users are
     * listed once).
     *
     * @throws IllegalArgumentException if the column is missing or {@code k < 1}; the job fails
     *     naming a user the model does not know
     */
    public static Dataset<Row> forUsers(SparkSession spark, Path model, Dataset<Row> users, int k) {
        Columns.require(users, "users", "user");
        return recommend(spark, model, users.javaRDD().map(r -> Columns.id(r, "user")).distinct(), k);
    }

    private static Dataset<Row> recommend(SparkSession spark, Path model, JavaRDD<String> users, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, found " + k);
        }
        spark.sparkContext().addFile(model.toAbsolutePath().toString());
        String name = model.getFileName().toString();
        JavaRDD<Row> rows = users.mapPartitions(it -> lists(name, it, k));
        return spark.createDataFrame(rows, SCHEMA);
    }

    private static Iterator<Row> lists(String fileName, Iterator<String> users, int k) {
        Recommender m = LOADED.computeIfAbsent(SparkFiles.get(fileName), p -> {
            try {
                return Recommender.load(Path.of(p));
            } catch (IOException e) {
                throw new UncheckedIOException(p + ": cannot load the model on this executor", e);
            }
        });
        List<String> block = new ArrayList<>(USERS_PER_CALL);
        // Lazily, a call's worth of users at a time, so a partition never holds all its lists.
        return new Iterator<>() {
            private Iterator<Row> ready = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!ready.hasNext() && users.hasNext()) {
                    block.clear();
                    while (users.hasNext() && block.size() < USERS_PER_CALL) {
                        block.add(users.next());
                    }
                    List<Row> out = new ArrayList<>(block.size() * k);
                    m.recommendBatch(block, k, BLOCK, (u, list) -> {
                        int rank = 1;
                        for (Recommendation r : list) {
                            out.add(RowFactory.create(u, rank++, r.itemId(), r.score()));
                        }
                    });
                    ready = out.iterator();
                }
                return ready.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return ready.next();
            }
        };
    }
}
