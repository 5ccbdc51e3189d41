package io.recsys4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recsys4j.core.Interactions;
import io.recsys4j.core.synthetic.SyntheticWorld;
import io.recsys4j.gnn.FilterSettings;
import io.recsys4j.gnn.GraphFilter;
import io.recsys4j.gnn.Recommendation;
import io.recsys4j.gnn.Recommender;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkGraphFilterTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkTesting.session();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void theSparkFit_recommendsAsTheSingleMachineFit_andItsFileLoads(@TempDir Path dir) throws IOException {
        SyntheticWorld w = SyntheticWorld.builder().users(600).items(500).interactions(12000).seed(9).build();
        List<Row> rows = new ArrayList<>();
        Interactions x = w.interactions();
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
        int same = 0;
        double worst = 0;
        for (String u : local.users().ids()) {
            List<Recommendation> a = local.recommend(u, 20);
            List<Recommendation> b = loaded.recommend(u, 20);
            same += a.stream().map(Recommendation::itemId).toList().equals(b.stream().map(Recommendation::itemId).toList()) ? 1 : 0;
            for (int j = 0; j < 20; j++) {
                worst = Math.max(worst, Math.abs(a.get(j).score() - loaded.score(u, a.get(j).itemId())));
            }
        }
        System.out.printf("spark fit vs local: %d of %d top-20 lists equal, largest score difference %.2e%n", same,
                local.users().size(), worst);
        assertTrue(same >= 0.99 * local.users().size(), same + " of " + local.users().size() + " lists equal");
        assertTrue(worst < 1e-4, "largest score difference " + worst);
    }
}
