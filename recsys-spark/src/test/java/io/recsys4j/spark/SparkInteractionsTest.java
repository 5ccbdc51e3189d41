package io.recsys4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recsys4j.core.Interactions;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SparkInteractionsTest extends SparkTesting {

    private static Dataset<Row> frame(List<Row> rows) {
        return spark.createDataFrame(rows, new StructType().add("user", DataTypes.StringType)
                .add("item", DataTypes.StringType).add("weight", DataTypes.StringType)
                .add("timestamp", DataTypes.LongType)).repartition(3);
    }

    @Test
    void repeats_areMergedAsTheLibraryMergesThem_idsSorted() {
        Dataset<Row> df = frame(List.of(RowFactory.create("b", "x", "2", 10L), RowFactory.create("a", "y", "1.5", 5L),
                RowFactory.create("b", "x", "3", 7L), RowFactory.create(" a ", "x", "1", 9L), RowFactory.create("b", "x", "1", 3L)));
        SparkInteractions s = SparkInteractions.read(df);
        assertEquals(List.of("a", "b"), s.users().ids());
        assertEquals(List.of("x", "y"), s.items().ids());
        assertEquals(5, s.rows());
        assertEquals(2, s.repeats());
        Interactions x = s.toInteractions();
        assertEquals(3, x.size());
        int b = s.users().indexOf("b");
        int item = s.items().indexOf("x");
        for (int k = 0; k < x.size(); k++) {
            if (x.user(k) == b) {
                assertEquals(item, x.item(k));
                assertEquals(6f, x.weight(k), "weights summed");
                assertEquals(10L, x.timestamp(k), "the latest timestamp");
            }
        }
        assertArrayEquals(new int[] {0, 1}, x.itemsOf(s.users().indexOf("a")));
    }

    @Test
    void integerIds_andNoOptionalColumns() {
        Dataset<Row> df = spark.createDataFrame(List.of(RowFactory.create(7L, 100L), RowFactory.create(12L, 100L)),
                new StructType().add("user", DataTypes.LongType).add("item", DataTypes.LongType));
        Interactions x = SparkInteractions.read(df).toInteractions();
        assertEquals(List.of("12", "7"), x.users().ids());
        assertEquals(2, x.size());
        assertEquals(1f, x.weight(0));
    }

    @Test
    void badRows_areCountedByReason_andNeverDroppedSilently() {
        List<Row> rows = List.of(RowFactory.create("a", "x", "1", 1L), RowFactory.create(null, "x", "1", 1L),
                RowFactory.create("a", "  ", "1", 1L), RowFactory.create("b", "x", "many", 1L),
                RowFactory.create("c", "y", "NaN", 2L), RowFactory.create("c", "z", "2", 3L));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkInteractions.read(frame(rows)));
        assertTrue(e.getMessage().startsWith("interactions: 4 bad row(s) of 6 "), e.getMessage());
        assertTrue(e.getMessage().contains("weight not a finite number=2"), e.getMessage());
        assertTrue(e.getMessage().contains("null or blank user=1") && e.getMessage().contains("null or blank item=1"),
                e.getMessage());
        assertTrue(e.getMessage().contains("first: [[") && e.getMessage().contains("many"), e.getMessage());
        SparkInteractions s = SparkInteractions.skippingBadRows(frame(rows));
        assertEquals(Map.of("weight not a finite number", 2L, "null or blank user", 1L, "null or blank item", 1L), s.badRows());
        assertEquals(4, s.badExamples().size());
        assertEquals(2, s.toInteractions().size());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> SparkInteractions.read(
                spark.createDataFrame(List.of(RowFactory.create("a")), new StructType().add("user", DataTypes.StringType))));
        assertTrue(missing.getMessage().startsWith("interactions: no column 'item'"), missing.getMessage());
    }
}
