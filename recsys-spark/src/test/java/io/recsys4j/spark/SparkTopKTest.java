package io.recsys4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recsys4j.core.synthetic.SyntheticWorld;
import io.recsys4j.gnn.GraphFilter;
import io.recsys4j.gnn.Recommendation;
import io.recsys4j.gnn.Recommender;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkTopKTest extends SparkTesting {
    @TempDir
    static Path dir;
    private static Path model;
    private static Recommender local;

    @BeforeAll
    static void fitModel() throws IOException {
        SyntheticWorld w = SyntheticWorld.builder().users(300).items(400).interactions(6000).seed(3).build();
        local = GraphFilter.builder().interactions(w.interactions()).holdOut(0.1).seed(3).fit();
        model = dir.resolve("filter.bin");
        local.save(model);
    }

    @Test
    void everyUsersList_isTheSingleMachineOne() throws IOException {
        List<Row> rows = SparkTopK.forAllUsers(spark, model, 10, 3).collectAsList();
        Map<String, Row[]> byUser = new HashMap<>();
        for (Row r : rows) {
            byUser.computeIfAbsent(r.getString(0), u -> new Row[10])[r.getInt(1) - 1] = r;
        }
        assertEquals(local.users().size(), byUser.size());
        assertEquals(10L * local.users().size(), rows.size());
        local.recommendBatch(local.users().ids(), 10, 64, (u, list) -> {
            Row[] got = byUser.get(u);
            for (int j = 0; j < list.size(); j++) {
                Recommendation want = list.get(j);
                assertEquals(want.itemId(), got[j].getString(2), u + " rank " + (j + 1));
                assertEquals(want.score(), got[j].getFloat(3), 0f, u + " rank " + (j + 1));
            }
        });
    }

    @Test
    void aUserFrame_isListedOncePerUser_andAnUnknownUserFailsTheJobByName() {
        StructType schema = new StructType().add("user", DataTypes.StringType);
        List<Row> some = SparkTopK.forUsers(spark, model, spark.createDataFrame(List.of(RowFactory.create("u5"),
                RowFactory.create("u5"), RowFactory.create("u7")), schema), 3).collectAsList();
        assertEquals(6, some.size());
        assertEquals(local.recommend("u7", 3).get(0).itemId(),
                some.stream().filter(r -> r.getString(0).equals("u7") && r.getInt(1) == 1).findFirst().orElseThrow().getString(2));
        Exception e = assertThrows(Exception.class, () -> SparkTopK.forUsers(spark, model,
                spark.createDataFrame(List.of(RowFactory.create("nobody")), schema), 3).collect());
        assertTrue(String.valueOf(rootCause(e).getMessage()).contains("nobody"), e.toString());
        assertThrows(IllegalArgumentException.class, () -> SparkTopK.forAllUsers(spark, model, 0, 1));
    }
}
