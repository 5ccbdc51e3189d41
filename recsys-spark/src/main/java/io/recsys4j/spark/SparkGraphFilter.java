package io.recsys4j.spark;

import io.recsys4j.core.Interactions;
import io.recsys4j.gnn.FilterSettings;
import io.recsys4j.gnn.GraphFilter;
import io.recsys4j.gnn.internal.filter.NormalizedGraph;
import io.recsys4j.gnn.internal.filter.RandomizedSvd;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The graph filter fitted on Spark: the rows of the normalised matrix {@code R̃} (one per user,
 * {@link NormalizedGraph#entry}) are built and kept on the executors, and its top singular vectors come from the
 * library's own randomized subspace iteration ({@link RandomizedSvd#filterSpectrum}, the same Ω
 * from the same seed) with the tall iterates {@code R̃ X} kept on the executors: per step one
 * broadcast of a {@code items x l} matrix and one tree-aggregation of {@code items x l} and
 * {@code l x l} sums. The result is the model {@code GraphFilter.builder().settings(s).fit()}
 * gives on one machine, written and loaded as any model file.
 */
public final class SparkGraphFilter {
    private static final Logger LOG = LoggerFactory.getLogger(SparkGraphFilter.class);

    private SparkGraphFilter() {
    }

    /** A user's row of R̃ and the current iterate's row. */
    static final class UserRow implements Serializable {
        private static final long serialVersionUID = 1L;
        final int[] items;
        final float[] values;
        final double[] y;

        UserRow(int[] items, float[] values, double[] y) {
            this.items = items;
            this.values = values;
            this.y = y;
        }
    }

    /**
     * Fits the filter with fixed settings (no social or text term) on {@code data}.
     *
     * @param seed the seed of the random test matrix, as {@code GraphFilter.builder().seed}
     */
    public static GraphFilter fit(JavaSparkContext sc, SparkInteractions data, FilterSettings settings, long seed) {
        long t0 = System.nanoTime();
        Interactions train = data.toInteractions();
        JavaRDD<UserRow> rows = rows(sc, data, train.itemDegrees(), settings.exponent());
        try {
            Distributed op = new Distributed(sc, rows, train.numUsers(), train.numItems());
            RandomizedSvd.Result svd = settings.rank() > 0 ? RandomizedSvd.filterSpectrum(op, settings.rank(), seed) : null;
            float[] sigma = svd == null ? new float[0] : svd.singularValues();
            float[] v = svd == null ? new float[0] : svd.rightVectors();
            double secs = (System.nanoTime() - t0) / 1e9;
            LOG.info("graph filter on Spark: spectrum of {} values in {} s", sigma.length, String.format("%.1f", secs));
            return GraphFilter.fromSpectrum(train, settings, sigma, v, secs);
        } finally {
            rows.unpersist(false);
        }
    }

    /** R̃'s rows, built on the executors from the indexed pairs, with the item degrees of the driver's copy of them. */
    private static JavaRDD<UserRow> rows(JavaSparkContext sc, SparkInteractions data, int[] itemDegrees, double a) {
        Broadcast<int[]> degrees = sc.broadcast(itemDegrees);
        JavaRDD<UserRow> r = data.indexedPairs().groupByKey().map(t -> {
            List<Integer> list = new ArrayList<>();
            t._2().forEach(list::add);
            int[] items = list.stream().mapToInt(Integer::intValue).sorted().toArray();
            float[] val = new float[items.length];
            int[] d = degrees.value();
            for (int q = 0; q < items.length; q++) {
                val[q] = (float) NormalizedGraph.entry(items.length, d[items[q]], a);
            }
            return new UserRow(items, val, null);
        }).persist(StorageLevel.MEMORY_AND_DISK());
        r.count();
        degrees.unpersist();
        return r;
    }

    /** R̃ behind the SVD's operator: iterates as RDDs of user rows, always in double. */
    private static final class Distributed implements RandomizedSvd.Operator<JavaRDD<UserRow>> {
        private final JavaSparkContext sc;
        private final JavaRDD<UserRow> rows;
        private final int m;
        private final int n;

        Distributed(JavaSparkContext sc, JavaRDD<UserRow> rows, int m, int n) {
            this.sc = sc;
            this.rows = rows;
            this.m = m;
            this.n = n;
        }

        @Override
        public int rows() {
            return m;
        }

        @Override
        public int cols() {
            return n;
        }

        private static JavaRDD<UserRow> materialise(JavaRDD<UserRow> r) {
            r.persist(StorageLevel.MEMORY_AND_DISK()).count();
            return r;
        }

        @Override
        public JavaRDD<UserRow> times(float[] x, int w) {
            Broadcast<float[]> bx = sc.broadcast(x);
            JavaRDD<UserRow> y = materialise(rows.map(r -> {
                float[] xs = bx.value();
                double[] out = new double[w];
                for (int q = 0; q < r.items.length; q++) {
                    int o = r.items[q] * w;
                    for (int j = 0; j < w; j++) {
                        out[j] += r.values[q] * xs[o + j];
                    }
                }
                return new UserRow(r.items, r.values, out);
            }));
            bx.unpersist();
            return y;
        }

        @Override
        public float[] transposeTimes(JavaRDD<UserRow> y, int w) {
            int len = n * w;
            double[] sum = y.treeAggregate(new double[len], (acc, r) -> {
                for (int q = 0; q < r.items.length; q++) {
                    int o = r.items[q] * w;
                    for (int j = 0; j < w; j++) {
                        acc[o + j] += r.values[q] * r.y[j];
                    }
                }
                return acc;
            }, SparkGraphFilter::add, 2);
            float[] out = new float[len];
            for (int i = 0; i < len; i++) {
                out[i] = (float) sum[i];
            }
            return out;
        }

        @Override
        public JavaRDD<UserRow> inDouble(JavaRDD<UserRow> y) {
            return y;
        }

        @Override
        public double[][] gram(JavaRDD<UserRow> y, int w) {
            double[] g = y.treeAggregate(new double[w * w], (acc, r) -> {
                for (int i = 0; i < w; i++) {
                    double yi = r.y[i];
                    for (int j = 0; j < w; j++) {
                        acc[i * w + j] += yi * r.y[j];
                    }
                }
                return acc;
            }, SparkGraphFilter::add, 2);
            double[][] out = new double[w][];
            for (int i = 0; i < w; i++) {
                out[i] = Arrays.copyOfRange(g, i * w, (i + 1) * w);
            }
            return out;
        }

        @Override
        public JavaRDD<UserRow> times(JavaRDD<UserRow> y, double[][] mat, int w) {
            double[] flat = new double[w * w];
            for (int i = 0; i < w; i++) {
                System.arraycopy(mat[i], 0, flat, i * w, w);
            }
            Broadcast<double[]> bm = sc.broadcast(flat);
            JavaRDD<UserRow> out = materialise(y.map(r -> {
                double[] mm = bm.value();
                double[] z = new double[w];
                for (int i = 0; i < w; i++) {
                    double yi = r.y[i];
                    if (yi != 0) {
                        for (int j = 0; j < w; j++) {
                            z[j] += yi * mm[i * w + j];
                        }
                    }
                }
                return new UserRow(r.items, r.values, z);
            }));
            bm.unpersist();
            return out;
        }

        @Override
        public void release(JavaRDD<UserRow> y) {
            if (y != rows) {
                y.unpersist(false);
            }
        }
    }

    private static double[] add(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }
}
