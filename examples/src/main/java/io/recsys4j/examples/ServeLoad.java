package io.recsys4j.examples;

import io.recsys4j.gnn.Recommender;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A bounded load generator for {@code serve}: {@code C} clients on loopback, each on its own
 * keep-alive connection sending {@code GET /recommend?user=U&k=20} for random users of the
 * model back to back (closed loop), first for a warm-up, then for the measured seconds; prints
 * throughput and latency percentiles per client count. Every response must be 200 (anything
 * else stops the run). The clients speak HTTP/1.1 over plain sockets, as wrk does: on a 2-core
 * machine the generator shares the cores with the server, and {@code java.net.http}'s client
 * cost about as much CPU per request as the server itself.
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
        URI uri = URI.create(base);
        System.out.printf(Locale.ROOT, "%s, %d users, GET /recommend k=20, %d s per row after a %d s warm-up%n", base,
                users.size(), seconds, Math.max(3, seconds / 3));
        System.out.printf(Locale.ROOT, "%8s %12s %10s %10s %10s %10s%n", "clients", "requests/s", "p50 ms", "p90 ms",
                "p99 ms", "max ms");
        for (int c : clients) {
            run(uri, users, c, Math.max(3, seconds / 3), 1000 + c);   // warm-up, not reported
            long[] lat = run(uri, users, c, seconds, c);
            Arrays.sort(lat);
            System.out.printf(Locale.ROOT, "%8d %12.0f %10.2f %10.2f %10.2f %10.2f%n", c, lat.length / (double) seconds,
                    pct(lat, 0.50), pct(lat, 0.90), pct(lat, 0.99), lat[lat.length - 1] / 1e6);
        }
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** Latencies in nanoseconds of every request completed within the window. */
    private static long[] run(URI base, List<String> users, int clients, int seconds, long seed) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> fs = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            SplittableRandom rnd = new SplittableRandom(seed * 31 + t);
            fs.add(pool.submit(() -> {
                long[] lat = new long[1024];
                int n = 0;
                try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                    socket.setTcpNoDelay(true);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream());
                    while (System.nanoTime() < end) {
                        String u = URLEncoder.encode(users.get(rnd.nextInt(users.size())), StandardCharsets.UTF_8);
                        byte[] req = ("GET /recommend?user=" + u + "&k=20 HTTP/1.1\r\nHost: " + base.getHost()
                                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                        long t0 = System.nanoTime();
                        out.write(req);
                        out.flush();
                        int status = readResponse(in);
                        long dt = System.nanoTime() - t0;
                        if (status != 200) {
                            throw new IllegalStateException("status " + status + " for user " + u);
                        }
                        if (n == lat.length) {
                            lat = Arrays.copyOf(lat, 2 * n);
                        }
                        lat[n++] = dt;
                    }
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

    /** Reads one response (status line, headers, a Content-Length body) and returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        String status = line(in);
        int length = -1;
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0 && h.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
                length = Integer.parseInt(h.substring(colon + 1).trim());
            }
        }
        if (length < 0) {
            throw new IOException("response without Content-Length: " + status);
        }
        in.readNBytes(length);
        return Integer.parseInt(status.split(" ")[1]);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed mid-response");
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }
}
