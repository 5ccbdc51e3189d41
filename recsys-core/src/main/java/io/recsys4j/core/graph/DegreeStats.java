package io.recsys4j.core.graph;

import java.util.Arrays;

/**
 * Summary of a degree distribution. Quantiles use the nearest-rank definition: the
 * q-quantile is the smallest degree with at least {@code ceil(q * n)} values at or below it.
 *
 * @param count number of nodes
 * @param min smallest degree
 * @param p25 25th percentile
 * @param median 50th percentile
 * @param p75 75th percentile
 * @param p90 90th percentile
 * @param p99 99th percentile
 * @param max largest degree
 * @param mean mean degree
 */
public record DegreeStats(int count, int min, int p25, int median, int p75, int p90, int p99, int max, double mean) {

    /**
     * Summarises {@code degrees}.
     *
     * @throws IllegalArgumentException if the array is empty
     */
    public static DegreeStats of(int[] degrees) {
        if (degrees.length == 0) {
            throw new IllegalArgumentException("no degrees to summarise");
        }
        int[] d = degrees.clone();
        Arrays.sort(d);
        long sum = 0;
        for (int x : d) {
            sum += x;
        }
        return new DegreeStats(d.length, d[0], rank(d, 0.25), rank(d, 0.5), rank(d, 0.75), rank(d, 0.9),
                rank(d, 0.99), d[d.length - 1], (double) sum / d.length);
    }

    private static int rank(int[] sorted, double q) {
        int r = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, r - 1)];
    }
}
