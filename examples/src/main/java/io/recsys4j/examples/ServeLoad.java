package io.recsys4j.examples;

import io.recsys4j.gnn.Recommender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A bounded load generator for {@code serve}: {@code C} clients on loopback, each sending
 * {@code GET /recommend?user=U&k=20} for random users of the model back to back (closed loop),
 * first for a warm-up, then for the measured seconds; prints throughput and latency
 * percentiles per client count. Every response must be 200 (anything else stops the run).
 *
 * <pre>
 *   ServeLoad URL MODEL_FILE [SECONDS [CLIENTS,...]]      e.g. http://127.0.0.1:8080 model.bin 15 1,4,16
 * </pre>
 */
public final class ServeLoad {
    private ServeLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: ServeLoad URL MODEL_FILE [SECONDS [CLIENTS,...]]");
        }
        String base = args[0].replaceAll("/+$", "");
        List<String> users = Recommender.load(Path.of(args[1])).users().ids();
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        int[] clients = args.length > 3 ? Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 4, 16};
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        System.out.printf(Locale.ROOT, "%s, %d users, GET /recommend k=20, %d s per row after a %d s warm-up%n", base,
                users.size(), seconds, Math.max(3, seconds / 3));
        System.out.printf(Locale.ROOT, "%8s %12s %10s %10s %10s %10s%n", "clients", "requests/s", "p50 ms", "p90 ms",
                "p99 ms", "max ms");
        for (int c : clients) {
            run(http, base, users, c, Math.max(3, seconds / 3), 1000 + c);   // warm-up, not reported
            long[] lat = run(http, base, users, c, seconds, c);
            Arrays.sort(lat);
            System.out.printf(Locale.ROOT, "%8d %12.0f %10.2f %10.2f %10.2f %10.2f%n", c, lat.length / (double) seconds,
                    pct(lat, 0.50), pct(lat, 0.90), pct(lat, 0.99), lat[lat.length - 1] / 1e6);
        }
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** Latencies in nanoseconds of every request completed within the window. */
    private static long[] run(HttpClient http, String base, List<String> users, int clients, int seconds, long seed)
            throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> fs = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            SplittableRandom rnd = new SplittableRandom(seed * 31 + t);
            fs.add(pool.submit(() -> {
                long[] lat = new long[1024];
                int n = 0;
                while (System.nanoTime() < end) {
                    String u = java.net.URLEncoder.encode(users.get(rnd.nextInt(users.size())),
                            java.nio.charset.StandardCharsets.UTF_8);
                    HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/recommend?user=" + u + "&k=20")).GET().build();
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                    long dt = System.nanoTime() - t0;
                    if (res.statusCode() != 200) {
                        throw new IllegalStateException("status " + res.statusCode() + ": " + new String(res.body()));
                    }
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, 2 * n);
                    }
                    lat[n++] = dt;
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        pool.shutdown();
        long[] all = new long[0];
        for (Future<long[]> f : fs) {
            long[] l = f.get();
            long[] m = Arrays.copyOf(all, all.length + l.length);
            System.arraycopy(l, 0, m, all.length, l.length);
            all = m;
        }
        return all;
    }
}
