package io.recsys4j.spark;

import org.apache.spark.sql.SparkSession;

/** The local session of the tests: two cores, as CI has, no UI, few shuffle partitions. */
final class SparkTesting {
    private SparkTesting() {
    }

    static SparkSession session() {
        return SparkSession.builder().master("local[2]").appName("recsys-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
    }

    /** The innermost cause: Spark wraps an executor's exception in a SparkException. */
    static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
