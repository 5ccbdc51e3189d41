package io.recsys4j.examples.cli;

import io.recsys4j.core.Dataset;
import io.recsys4j.eval.EvaluationReport;
import io.recsys4j.eval.RankingEvaluator;
import io.recsys4j.gnn.FilterCandidate;
import io.recsys4j.gnn.FilterSettings;
import io.recsys4j.gnn.GraphFilter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code train --model filter}: fits a graph filter (tuned on a hold-out unless settings are given), evaluates, saves. */
final class FilterTraining {
    private final TrainCommand c;

    FilterTraining(TrainCommand c) {
        this.c = c;
    }

    int run(PrintWriter out) throws Exception {
        rejectLightGcnOptions();
        long t0 = System.nanoTime();
        Dataset d = c.data.load(out, "add");
        if (d.valid().isPresent()) {
            throw new IllegalArgumentException("--model filter tunes on --hold-out of the training data and does not read"
                    + " --valid: merge the validation file into --train");
        }
        GraphFilter.Builder b = GraphFilter.builder().interactions(d.train()).seed(c.seeds.seed);
        d.social().ifPresent(b::social);
        c.threads.ifSet(b::threads);
        if (c.holdOut > 0) {
            b.holdOut(c.holdOut);
        }
        if (c.tuningUsers != null) {
            b.tuningUsers(c.tuningUsers);
        }
        if (c.itemText != null) {
            TextVectors tv = TextVectors.load(c.itemText, c.itemTags, null, c.encoder, c.pooling.value(), d, out);
            b.itemText(tv.items());
        } else if (c.textWeight != null) {
            throw new IllegalArgumentException("--text-weight needs --item-text");
        }
        FilterSettings fixed = fixedSettings(d);
        if (fixed != null) {
            b.settings(fixed);
        }
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        GraphFilter m;
        try (Progress p = Progress.loggedElsewhere("fit", -1)) {
            m = b.fit();
        }
        out.printf(Locale.ROOT, "fitted filter in %.1f s: %s%n", m.fitSeconds(), m.settings().toMap());
        if (!m.tuning().isEmpty()) {
            List<FilterCandidate> sorted = new ArrayList<>(m.tuning());
            sorted.sort(Comparator.comparingDouble(FilterCandidate::recall).reversed());
            out.printf(Locale.ROOT, "tuning: %d configurations on the hold-out (best 10 by validation recall@20):%n",
                    sorted.size());
            out.println("  rank  ideal  sharpen  exponent  social  text  recall@20  ndcg@20");
            for (FilterCandidate x : sorted.subList(0, Math.min(10, sorted.size()))) {
                FilterSettings s = x.settings();
                out.printf(Locale.ROOT, "  %4d  %5.2f  %7.2f  %8.2f  %6.2f  %4.3f  %9.4f  %7.4f%n", s.rank(), s.idealWeight(),
                        s.sharpening(), s.exponent(), s.socialWeight(), s.textWeight(), x.recall(), x.ndcg());
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        if (d.test().isPresent()) {
            int[] k = c.ks.stream().mapToInt(Integer::intValue).toArray();
            long e0 = System.nanoTime();
            EvaluationReport rep;
            try (RankingEvaluator ev = RankingEvaluator.builder().ks(k).auc(c.auc).threads(c.threads.threads == null
                    ? io.recsys4j.core.Defaults.THREADS : c.threads.threads).build();
                 Progress p = Progress.loggedElsewhere("evaluate", -1)) {
                rep = ev.evaluate(m, m.trainingInteractions(), d.test().get());
            }
            double evalSeconds = (System.nanoTime() - e0) / 1e9;
            out.print(rep.toTable());
            out.printf(Locale.ROOT, "evaluation took %.2f s%n", evalSeconds);
            rep.summary().forEach((name, v) -> {
                if (c.auc || !name.equals("auc")) {
                    json.put(name, v);
                }
            });
            json.put("eval_seconds", evalSeconds);
        }
        json.put("model", "filter");
        json.put("load_seconds", loadSeconds);
        json.put("fit_seconds", m.fitSeconds());
        json.put("train_seconds", m.fitSeconds());
        json.put("settings", m.settings().toMap());
        List<Map<String, Object>> table = new ArrayList<>();
        for (FilterCandidate x : m.tuning()) {
            Map<String, Object> row = new LinkedHashMap<>(x.settings().toMap());
            row.put("validation_recall@20", x.recall());
            row.put("validation_ndcg@20", x.ndcg());
            table.add(row);
        }
        json.put("tuning", table);
        json.put("total_seconds", (System.nanoTime() - t0) / 1e9);
        out.flush();
        if (c.report != null) {
            Json.write(c.report, json);
        }
        if (c.save != null) {
            m.save(c.save);
            out.println("saved " + c.save);
        }
        out.flush();
        return 0;
    }

    private FilterSettings fixedSettings(Dataset d) {
        boolean anySet = c.rank != null || c.idealWeight != null || c.sharpening != null || c.exponent != null
                || c.textWeight != null || c.socialWeight != null;
        String preset = c.filter == null ? "tuned" : c.filter;
        FilterSettings.Builder s;
        switch (preset) {
            case "tuned" -> {
                if (!anySet) {
                    return null;
                }
                s = FilterSettings.builder();
            }
            case "gf-cf" -> s = FilterSettings.builder().exponent(0.5).rank(256).idealWeight(0.3).sharpening(0);
            case "linear" -> s = FilterSettings.builder().rank(0).idealWeight(0).sharpening(0);
            default -> throw new IllegalArgumentException("--filter must be tuned, gf-cf or linear, found '" + preset + "'");
        }
        if (c.rank != null) {
            s.rank(c.rank);
        }
        if (c.idealWeight != null) {
            s.idealWeight(c.idealWeight);
        }
        if (c.sharpening != null) {
            s.sharpening(c.sharpening);
        }
        if (c.exponent != null) {
            s.exponent(c.exponent);
        }
        if (c.textWeight != null) {
            s.textWeight(c.textWeight);
        }
        if (c.socialWeight != null) {
            if (d.social().isEmpty()) {
                throw new IllegalArgumentException("--social-weight needs --social");
            }
            s.socialWeight(c.socialWeight);
        }
        return s.build();
    }

    private void rejectLightGcnOptions() {
        List<String> given = new ArrayList<>();
        for (String name : List.of("--layers", "--dim", "--epochs", "--batch", "--lr", "--reg", "--eval-every", "--patience",
                "--user-text", "--cold-weight")) {
            if (c.spec.commandLine().getParseResult().hasMatchedOption(name)) {
                given.add(name);
            }
        }
        if (!given.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", given) + (given.size() == 1 ? " has" : " have")
                    + " no effect with --model filter (it is not trained by epochs)");
        }
    }
}
