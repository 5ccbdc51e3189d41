package io.recsys4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.recsys4j.core.Interactions;
import io.recsys4j.core.io.InteractionReader;
import io.recsys4j.core.synthetic.SyntheticWorld;
import io.recsys4j.gnn.FilterSettings;
import io.recsys4j.gnn.GraphFilter;
import io.recsys4j.gnn.Recommendation;
import io.recsys4j.gnn.Recommender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkGraphFilterTest extends SparkTesting {

    @Test
    void theSparkFit_recommendsAsTheSingleMachineFit_andItsFileLoads(@TempDir Path dir) throws IOException {
        SyntheticWorld w = SyntheticWorld.builder().users(600).items(500).interactions(12000).seed(9).build();
        assertSameModel(w.interactions(), dir, "synthetic");
    }

    /** The acceptance case of the issue: ml-1m (the shared data, by path; reported as skipped without it). */
    @Test
    void ml1m_theSparkFit_recommendsAsTheSingleMachineFit(@TempDir Path dir) throws IOException {
        Path d = Path.of(System.getProperty("recsys.data.dir", "../shared/data")).resolve("ml-1m");
        assumeTrue(Files.isDirectory(d), "shared data not found at " + d.toAbsolutePath());
        assertSameModel(InteractionReader.lightGcn().read(d.resolve("train.txt")).data(), dir, "ml-1m");
    }

    private static void assertSameModel(Interactions x, Path dir, String what) throws IOException {
        List<Row> rows = new ArrayList<>(x.size());
        for (int k = 0; k < x.size(); k++) {
            rows.add(RowFactory.create(x.users().id(x.user(k)), x.items().id(x.item(k))));
        }
        SparkInteractions data = SparkInteractions.read(spark.createDataFrame(rows, new StructType()
                .add("user", DataTypes.StringType).add("item", DataTypes.StringType)).repartition(3));
        FilterSettings s = FilterSettings.defaults();
        GraphFilter distributed = SparkGraphFilter.fit(new JavaSparkContext(spark.sparkContext()), data, s, 42);
        GraphFilter local = GraphFilter.builder().interactions(data.toInteractions()).settings(s).seed(42).fit();
        assertEquals(local.settings().toMap(), distributed.settings().toMap());

        Path file = dir.resolve("spark-filter.bin");
        distributed.save(file);
        Recommender loaded = Recommender.load(file);
        int[] same = new int[1];
        double[] worst = new double[1];
        List<String> users = local.users().ids();
        List<List<Recommendation>> mine = new ArrayList<>();
        local.recommendBatch(users, 20, 256, (u, list) -> mine.add(list));
        int[] at = new int[1];
        loaded.recommendBatch(users, 20, 256, (u, b) -> {
            List<Recommendation> a = mine.get(at[0]++);
            same[0] += a.stream().map(Recommendation::itemId).toList().equals(b.stream().map(Recommendation::itemId).toList())
                    ? 1 : 0;
            for (int j = 0; j < Math.min(a.size(), b.size()); j++) {
                if (a.get(j).itemId().equals(b.get(j).itemId())) {
                    worst[0] = Math.max(worst[0], Math.abs(a.get(j).score() - b.get(j).score()));
                }
            }
        });
        System.out.printf("%s: spark fit vs local: %d of %d top-20 lists equal, largest score difference %.2e%n", what,
                same[0], users.size(), worst[0]);
        assertTrue(same[0] >= 0.99 * users.size(), same[0] + " of " + users.size() + " lists equal");
        assertTrue(worst[0] < 1e-4, "largest score difference " + worst[0]);
    }
}
