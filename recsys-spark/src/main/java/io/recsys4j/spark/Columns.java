package io.recsys4j.spark;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Column checks and id reading shared by the DataFrame entry points. */
final class Columns {
    private Columns() {
    }

    /** @throws IllegalArgumentException naming the missing columns and the ones there are */
    static void require(Dataset<Row> df, String what, String... names) {
        List<String> have = Arrays.asList(df.columns());
        for (String n : names) {
            if (!have.contains(n)) {
                throw new IllegalArgumentException(what + ": no column '" + n + "' (columns: " + have + "; needed: "
                        + Arrays.toString(names) + ")");
            }
        }
    }

    /** An id column's value as the library's string id (integers print without a decimal point). */
    static String id(Row r, String column) {
        Object v = r.getAs(column);
        if (v == null) {
            throw new IllegalArgumentException("null " + column + " in " + r);
        }
        return v.toString();
    }
}
