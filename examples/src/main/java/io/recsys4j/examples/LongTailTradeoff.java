package io.recsys4j.examples;

import io.recsys4j.core.Dataset;
import io.recsys4j.core.Interactions;
import io.recsys4j.eval.EvaluationReport;
import io.recsys4j.eval.PopularityReranker;
import io.recsys4j.eval.RankingEvaluator;
import io.recsys4j.gnn.GraphFilter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

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

    /** Recall@K against coverage@K and against tail share@K, one point per λ, in one chart. */
    static void draw(List<Point> points, Path file, String title) throws IOException {
        // Charts render offscreen; no display is needed.
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(960).height(420).title(title)
                .xAxisTitle("coverage@" + K + " (share of the catalogue) / tail share@" + K + " (share of the lists)")
                .yAxisTitle("recall@" + K).build();
        double[] recall = points.stream().mapToDouble(Point::recall).toArray();
        chart.addSeries("recall@" + K + " vs coverage@" + K, points.stream().mapToDouble(Point::coverage).toArray(), recall);
        chart.addSeries("recall@" + K + " vs tail share@" + K, points.stream().mapToDouble(Point::tail).toArray(), recall);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0);
        TrainingCurve.savePng(chart, file);
    }
}
