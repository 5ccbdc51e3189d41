package io.recsys4j.examples;

import io.recsys4j.core.synthetic.SyntheticWorld;
import io.recsys4j.gnn.GraphRecommender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * Serving: load a saved model and answer {@code recommend} calls from several threads at
 * once (a model is immutable and thread-safe for inference), then print latency percentiles.
 *
 * <pre>
 * java -cp examples/target/recsys-cli.jar io.recsys4j.examples.Serving [MODEL_FILE [THREADS [CALLS]]]
 * </pre>
 *
 * Without a model file it trains a small model on the synthetic world and saves it to
 * {@code example-output/serving-model.bin} first.
 */
public final class Serving {
    private Serving() {
    }

    public static void main(String[] args) throws Exception {
        Path file = args.length > 0 ? Path.of(args[0]) : ExampleData.output("serving-model.bin");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        if (args.length == 0 && !Files.exists(file)) {
            System.out.println("no model given: training one on the synthetic world (20 epochs)");
            GraphRecommender.builder().interactions(SyntheticWorld.builder().seed(42).build().interactions())
                    .epochs(20).learningRate(0.005).fit().save(file);
        }

        long t0 = System.nanoTime();
        GraphRecommender model = GraphRecommender.load(file);
        System.out.printf(Locale.ROOT, "loaded %s in %.0f ms: %d users, %d items%n", file,
                (System.nanoTime() - t0) / 1e6, model.users().size(), model.items().size());

        // Warm up the JIT so the percentiles describe steady state, not compilation.
        run(model, Math.min(2_000, calls), 1, 7);
        long start = System.nanoTime();
        long[] latencies = run(model, calls, threads, 42);
        double wall = (System.nanoTime() - start) / 1e9;

        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "%n%d recommend(user, 20) calls from %d threads in %.2f s: %.0f calls/s%n",
                calls, threads, wall, calls / wall);
        System.out.printf("%-8s %10s%n", "latency", "ms");
        for (double p : new double[] {50, 90, 99, 99.9, 100}) {
            int k = (int) Math.min(latencies.length - 1, Math.ceil(p / 100 * latencies.length) - 1);
            System.out.printf(Locale.ROOT, "%-8s %10.3f%n", p == 100 ? "max" : "p" + trim(p), latencies[Math.max(0, k)] / 1e6);
        }
    }

    /** Makes {@code calls} top-20 requests for random users from {@code threads} threads; returns each call's nanoseconds. */
    private static long[] run(GraphRecommender model, int calls, int threads, long seed) throws Exception {
        long[] latencies = new long[calls];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    SplittableRandom rnd = new SplittableRandom(seed + first);
                    for (int c = first; c < calls; c += threads) {
                        String user = model.users().id(rnd.nextInt(model.users().size()));
                        long s = System.nanoTime();
                        model.recommend(user, 20);
                        latencies[c] = System.nanoTime() - s;
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return latencies;
    }

    private static String trim(double p) {
        return p == Math.rint(p) ? String.valueOf((int) p) : String.valueOf(p);
    }
}
