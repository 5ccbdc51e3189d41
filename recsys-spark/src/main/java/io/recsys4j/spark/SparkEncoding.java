package io.recsys4j.spark;

import io.recsys4j.text.TextEncoder;
import io.recsys4j.text.TextVectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Distributed text encoding: a DataFrame of ({@code id}, {@code text}) to ({@code id},
 * {@code vector}), with the library's named encoders. ONNX sessions cannot be serialised, so
 * each partition opens its own encoder and closes it when its last text is encoded; a text's
 * vector does not depend on its partition or batch mates (the encoders are batch invariant), so
 * the vectors are those of {@code recsys-cli.jar encode}. A null text is refused (a missing text
 * is a missing row, not an empty one).
 */
public final class SparkEncoding {
    /** Texts per encoder call, bounding a task's memory. */
    private static final int CHUNK = 256;

    private SparkEncoding() {
    }

    /**
     * Encodes {@code texts} with the named encoder ({@code minilm}, {@code minilm-q},
     * {@code minilm-fp32}, {@code bge-small-zh}: whose model jars must be on the executors'
     * classpath).
     *
     * @throws IllegalArgumentException for {@code hashing} (fitted on a whole corpus: fit it on
     *     the driver) or an unknown name, or a missing column
     */
    public static Dataset<Row> encode(SparkSession spark, Dataset<Row> texts, String encoder) {
        Columns.require(texts, "texts", "id", "text");
        if (encoder.equals("hashing")) {
            throw new IllegalArgumentException("encoder hashing is fitted on a whole corpus; on Spark use a named model "
                    + "(minilm, minilm-q, minilm-fp32, bge-small-zh)");
        }
        if (!encoder.equals("minilm") && !io.recsys4j.text.OnnxSentenceEncoder.NAMES.contains(encoder)) {
            throw new IllegalArgumentException("encoder must be minilm, minilm-q, minilm-fp32 or bge-small-zh, found '"
                    + encoder + "'");
        }
        JavaRDD<Row> rows = texts.javaRDD().mapPartitions(it -> encodePartition(it, encoder));
        return spark.createDataFrame(rows, new StructType().add("id", DataTypes.StringType, false)
                .add("vector", DataTypes.createArrayType(DataTypes.FloatType, false), false));
    }

    private static Iterator<Row> encodePartition(Iterator<Row> in, String name) {
        List<Row> out = new ArrayList<>();
        if (!in.hasNext()) {
            return out.iterator();
        }
        try (TextEncoder enc = TextVectors.openEncoder(name, List.of(), 0, 128, 1, 32)) {
            List<String> ids = new ArrayList<>(CHUNK);
            List<String> batch = new ArrayList<>(CHUNK);
            while (in.hasNext()) {
                Row r = in.next();
                Object text = r.getAs("text");
                if (text == null) {
                    throw new IllegalArgumentException("null text for id '" + Columns.id(r, "id")
                            + "' (leave out an id that has no text)");
                }
                ids.add(Columns.id(r, "id"));
                batch.add(text.toString());
                if (batch.size() == CHUNK || !in.hasNext()) {
                    float[][] v = enc.encodeToArrays(batch);
                    for (int j = 0; j < v.length; j++) {
                        Float[] boxed = new Float[v[j].length];
                        for (int d = 0; d < boxed.length; d++) {
                            boxed[d] = v[j][d];
                        }
                        out.add(RowFactory.create(ids.get(j), boxed));
                    }
                    ids.clear();
                    batch.clear();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.iterator();
    }
}
