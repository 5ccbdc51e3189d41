package io.recsys4j.examples;

import io.recsys4j.core.Dataset;
import io.recsys4j.core.Interactions;
import io.recsys4j.eval.EvaluationReport;
import io.recsys4j.eval.PopularityReranker;
import io.recsys4j.eval.RankingEvaluator;
import io.recsys4j.gnn.GraphFilter;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * How much accuracy the long tail costs: fits the graph filter, re-ranks its lists with
 * {@link PopularityReranker} as λ moves from 0 to 1, and prints and charts recall@20 against
 * coverage@20 and tail share@20 (a PNG in {@code example-output/}, or the path given).
 *
 * <pre>
 *   LongTailTradeoff [FORMAT TRAIN TEST [CHART.png]]
 * </pre>
 */
public final class LongTailTradeoff {
    static final double[] LAMBDAS = {0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 1.0};
    private static final int K = 20;
    private static final int CANDIDATES = 100;

    private LongTailTradeoff() {
    }

    /** One λ's figures. */
    record Point(double lambda, double recall, double ndcg, double coverage, double tail, double gini) {
    }

    public static void main(String[] args) throws IOException {
        Path chart = args.length == 4 ? Path.of(args[3]) : null;
        String[] data = args.length == 4 ? java.util.Arrays.copyOf(args, 3) : args;
        Dataset d = ExampleData.load(data, "LongTailTradeoff [CHART.png]");
        List<Point> points = sweep(d);
        System.out.printf(Locale.ROOT, "graph filter re-ranked by PopularityReranker (top %d candidates), K = %d%n",
                CANDIDATES, K);
        System.out.printf(Locale.ROOT, "%6s %10s %10s %10s %10s %10s%n", "lambda", "recall", "ndcg", "coverage",
                "tailshare", "gini");
        for (Point p : points) {
            System.out.printf(Locale.ROOT, "%6.2f %10.4f %10.4f %10.4f %10.4f %10.4f%n", p.lambda(), p.recall(),
                    p.ndcg(), p.coverage(), p.tail(), p.gini());
        }
        Path out = chart != null ? chart : ExampleData.output("long-tail-tradeoff.png");
        draw(points, out, "graph filter, re-ranked by PopularityReranker (λ from 0 to 1): "
                + (data.length == 0 ? "synthetic world" : data[1]));
        System.out.println("chart: " + out);
    }

    /** The graph filter's figures at every λ of {@link #LAMBDAS}, on the data's test split. */
    static List<Point> sweep(Dataset d) {
        Interactions train = d.train();
        Interactions test = d.test().orElseThrow();
        GraphFilter model = GraphFilter.builder().interactions(train).fit();
        List<Point> points = new ArrayList<>();
        try (RankingEvaluator ev = RankingEvaluator.builder().ks(K).auc(false).build()) {
            for (double l : LAMBDAS) {
                EvaluationReport r = ev.evaluate(new PopularityReranker(model, train, l, CANDIDATES), train, test);
                points.add(new Point(l, r.mean("recall@" + K), r.mean("ndcg@" + K), r.coverage(K),
                        r.mean("tailshare@" + K), r.gini(K)));
            }
        }
        return points;
    }

    /** Two panels, recall@K against coverage@K and against tail share@K, one point per λ. */
    static void draw(List<Point> points, Path file, String title) throws IOException {
        int w = 960;
        int h = 420;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(title, 20, 18);
        panel(g, points, 0, w / 2, h, "coverage@" + K, true);
        panel(g, points, w / 2, w / 2, h, "tail share@" + K, false);
        g.dispose();
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".chart", ".png");
        try {
            ImageIO.write(img, "png", tmp.toFile());
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void panel(Graphics2D g, List<Point> points, int x0, int w, int h, String xLabel, boolean coverage) {
        int left = x0 + 70;
        int right = x0 + w - 20;
        int top = 50;
        int bottom = h - 60;
        double xMax = 0;
        double yMax = 0;
        for (Point p : points) {
            xMax = Math.max(xMax, coverage ? p.coverage() : p.tail());
            yMax = Math.max(yMax, p.recall());
        }
        xMax = niceCeil(xMax);
        yMax = niceCeil(yMax);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, bottom, left, top);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int t = 0; t <= 4; t++) {
            int px = left + (right - left) * t / 4;
            int py = bottom - (bottom - top) * t / 4;
            g.drawString(String.format(Locale.ROOT, "%.2f", xMax * t / 4), px - 12, bottom + 16);
            g.drawString(String.format(Locale.ROOT, "%.3f", yMax * t / 4), left - 45, py + 4);
        }
        g.drawString(xLabel, (left + right) / 2 - 30, bottom + 36);
        g.drawString("recall@" + K, x0 + 8, top - 10);
        g.setColor(new Color(0x1f77b4));
        g.setStroke(new BasicStroke(2f));
        int[] px = new int[points.size()];
        int[] py = new int[points.size()];
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double x = coverage ? p.coverage() : p.tail();
            px[i] = left + (int) Math.round((right - left) * x / xMax);
            py[i] = bottom - (int) Math.round((bottom - top) * p.recall() / yMax);
        }
        g.drawPolyline(px, py, px.length);
        int lastX = Integer.MIN_VALUE;
        int lastY = Integer.MIN_VALUE;
        for (int i = 0; i < points.size(); i++) {
            g.fillOval(px[i] - 4, py[i] - 4, 8, 8);
            // Points bunch up where λ changes little; a label that would overprint the last is left out.
            if (Math.abs(px[i] - lastX) > 48 || Math.abs(py[i] - lastY) > 14) {
                g.drawString(String.format(Locale.ROOT, "λ=%.2f", points.get(i).lambda()), px[i] + 6, py[i] - 6);
                lastX = px[i];
                lastY = py[i];
            }
        }
    }

    /** The next of 1, 2, 5 times a power of ten at or above {@code v} (1 for v <= 0). */
    private static double niceCeil(double v) {
        if (!(v > 0)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
