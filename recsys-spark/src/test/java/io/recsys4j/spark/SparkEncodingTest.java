package io.recsys4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recsys4j.text.OnnxSentenceEncoder;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SparkEncodingTest extends SparkTesting {

    @Test
    void vectors_areTheSingleMachineOnes_inAnyPartitioning() {
        List<String> texts = List.of("red running shoes", "", "运动鞋 男士 透气 跑步鞋 42码", "a garden hose for the summer",
                "wireless bluetooth headphones with a long battery life", "red running shoes");
        List<Row> rows = new ArrayList<>();
        for (int t = 0; t < texts.size(); t++) {
            rows.add(RowFactory.create("t" + t, texts.get(t)));
        }
        Dataset<Row> df = spark.createDataFrame(rows, new StructType().add("id", DataTypes.StringType)
                .add("text", DataTypes.StringType)).repartition(3);
        List<Row> got = SparkEncoding.encode(spark, df, "minilm-q").collectAsList();
        assertEquals(texts.size(), got.size());
        try (OnnxSentenceEncoder local = OnnxSentenceEncoder.named("minilm-q", 1, 1)) {
            for (Row r : got) {
                int t = Integer.parseInt(r.getString(0).substring(1));
                List<Float> v = r.getList(1);
                float[] f = new float[v.size()];
                for (int d = 0; d < f.length; d++) {
                    f[d] = v.get(d);
                }
                assertArrayEquals(local.encodeOne(texts.get(t)), f, 0f, texts.get(t));
            }
        }
    }

    @Test
    void hashingAndNullTexts_areRefusedWithTheReason() {
        Dataset<Row> df = spark.createDataFrame(List.of(RowFactory.create("a", null)), new StructType()
                .add("id", DataTypes.StringType).add("text", DataTypes.StringType));
        assertThrows(IllegalArgumentException.class, () -> SparkEncoding.encode(spark, df, "hashing"));
        Exception e = assertThrows(Exception.class, () -> SparkEncoding.encode(spark, df, "minilm").collect());
        assertTrue(String.valueOf(rootCause(e).getMessage()).contains("null text for id 'a'"), e.toString());
    }
}
