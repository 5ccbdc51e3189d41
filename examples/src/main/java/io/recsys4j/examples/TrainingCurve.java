package io.recsys4j.examples;

import io.recsys4j.core.internal.AtomicFiles;
import io.recsys4j.gnn.EpochStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/** Writes a training curve (epoch, loss, validation recall) as CSV and as a PNG chart. */
final class TrainingCurve {
    private TrainingCurve() {
    }

    static void write(List<EpochStats> history, int k, Path csv, Path png) throws IOException {
        StringBuilder sb = new StringBuilder("epoch,loss,seconds,validation_recall@" + k + "\n");
        for (EpochStats e : history) {
            sb.append(String.format(Locale.ROOT, "%d,%.6f,%.3f,%s%n", e.epoch(), e.loss(), e.seconds(),
                    Double.isNaN(e.validation()) ? "" : String.format(Locale.ROOT, "%.6f", e.validation())));
        }
        AtomicFiles.writeString(csv, sb.toString());

        // Charts render offscreen; no display is needed.
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(800).height(450).title("Training curve")
                .xAxisTitle("epoch").build();
        double[] epoch = history.stream().mapToDouble(EpochStats::epoch).toArray();
        XYSeries loss = chart.addSeries("BPR loss", epoch, history.stream().mapToDouble(EpochStats::loss).toArray());
        loss.setYAxisGroup(0);
        List<EpochStats> validated = history.stream().filter(e -> !Double.isNaN(e.validation())).toList();
        if (!validated.isEmpty()) {
            XYSeries recall = chart.addSeries("validation recall@" + k,
                    validated.stream().mapToDouble(EpochStats::epoch).toArray(),
                    validated.stream().mapToDouble(EpochStats::validation).toArray());
            recall.setYAxisGroup(1);
            chart.setYAxisGroupTitle(1, "recall@" + k);
            chart.getStyler().setYAxisGroupPosition(1, org.knowm.xchart.style.Styler.YAxisPosition.Right);
        }
        chart.setYAxisGroupTitle(0, "loss");
        savePng(chart, png);
    }

    /** Writes {@code chart} to {@code png} atomically: beside the target, then moved into place. */
    static void savePng(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path png) throws IOException {
        // XChart appends ".png" itself.
        Path tmp = Files.createTempFile(png.toAbsolutePath().getParent(), ".chart", "");
        try {
            BitmapEncoder.saveBitmap(chart, tmp.toString(), BitmapEncoder.BitmapFormat.PNG);
            Files.move(Path.of(tmp + ".png"), png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(Path.of(tmp + ".png"));
        }
    }
}
