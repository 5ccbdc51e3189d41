package io.recsys4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RecsysCliTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = RecsysCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void help_ofEveryCommand_printsNoPicocliWarnings() {
        // picocli's warnings go to System.err, not to the command line's writer.
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true));
        List<String> names = new ArrayList<>();
        try {
            names.add("");
            names.addAll(RecsysCli.commandLine().getSubcommands().keySet());
            for (String name : names) {
                out.getBuffer().setLength(0);
                int code = name.isEmpty() ? run("--help") : run(name, "--help");
                assertEquals(0, code, name);
                assertTrue(out.toString().contains("Usage: recsys"), name + ": " + out);
                assertFalse(out.toString().contains("%n"), name + ": an unformatted %n in " + out);
            }
        } finally {
            System.setErr(saved);
        }
        assertTrue(names.containsAll(List.of("train", "coldstart", "synth", "bench")), names.toString());
        assertFalse(captured.toString().contains("[picocli WARN]"), captured.toString());
        assertEquals("", err.toString());
    }

    @Test
    void sharedOptions_oneDefaultSeed_andVerboseEverywhere() {
        for (var e : RecsysCli.commandLine().getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            var spec = e.getValue().getCommandSpec();
            assertTrue(spec.findOption("-v") != null && spec.findOption("--verbose") != null, e.getKey());
            var seed = spec.findOption("--seed");
            if (seed != null) {
                assertEquals("42", seed.defaultValue(), e.getKey());
            }
        }
    }

    @Test
    void commandList_showsEachCommandsWholeFirstSentence() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("synth      Write the seeded synthetic e-commerce world to a folder as data"),
                out.toString());
    }

    @Test
    void badOptionValue_isOneErrorLineAndAPointerToHelp_exit2() {
        assertEquals(2, run("train", "--format", "lightgcn", "--train", "t.txt", "--k", "abc"));
        String[] lines = err.toString().strip().split("\\R");
        assertEquals(1, lines.length, err.toString());
        assertTrue(lines[0].startsWith("error: ") && lines[0].contains("--k") && lines[0].contains("abc"), lines[0]);
        assertTrue(lines[0].endsWith("; try 'recsys train --help'"), lines[0]);
        assertEquals("", out.toString(), "no usage text");
    }

    @Test
    void misspelledOption_suggestsTheRightOne_exit2() {
        assertEquals(2, run("bench", "--train", "a", "--test", "b", "--epoch", "3"));
        assertEquals(1, err.toString().strip().split("\\R").length, err.toString());
        assertTrue(err.toString().contains("did you mean --epochs"), err.toString());
    }

    @Test
    void threadsBelowOne_exit2() throws IOException {
        Path t = write("train.txt", "0 1 2\n1 2\n");
        assertEquals(2, run("train", "--format", "lightgcn", "--train", t.toString(), "--threads", "0", "--epochs", "1"));
        assertTrue(err.toString().contains("--threads must be at least 1, found 0"), err.toString());
    }

    @Test
    void pairsHeader_isSkippedWithHeader_andAUserWithout() throws IOException {
        Path pairs = write("log.tsv", "customer\tproduct\nu1\ta\nu1\tb\nu2\ta\n");
        assertEquals(0, run("stats", "--format", "pairs", "--train", pairs.toString(), "--header"), err.toString());
        assertTrue(out.toString().contains("users                  2\n"), out.toString());
        assertTrue(out.toString().contains("items                  2\n"), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("stats", "--format", "pairs", "--train", pairs.toString()), err.toString());
        assertTrue(out.toString().contains("users                  3\n"), "without --header the header is a user: " + out);
    }

    @Test
    void header_withAnotherFormat_exit2() throws IOException {
        Path t = write("train.txt", "0 1 2\n");
        assertEquals(2, run("stats", "--format", "lightgcn", "--train", t.toString(), "--header"));
        assertTrue(err.toString().contains("--header applies to --format pairs"), err.toString());
        assertEquals(2, run("stats", "--format", "lightgcn", "--train", t.toString(), "--min-rating", "4"));
        assertTrue(err.toString().contains("--min-rating applies to --format movielens, not lightgcn"), err.toString());
    }

    @Test
    void evaluate_workedExample_writesJsonWithExactlyTheMetricKeys() throws IOException {
        Path runFile = write("run.tsv", "u\ta\nu\tb\nu\tc\nu\td\nu\te\n");
        Path truth = write("truth.tsv", "u\tb\nu\te\nu\tz\n");
        Path report = dir.resolve("out/report.json");
        int code = run("evaluate", "--run", runFile.toString(), "--truth", truth.toString(), "--k", "3,1", "--report", report.toString());
        assertEquals(0, code, err.toString());
        JsonNode j = new ObjectMapper().readTree(report.toFile());
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        List<String> expected = new ArrayList<>();
        for (String m : new String[] {"precision", "recall", "f1", "hit", "ndcg", "mrr"}) {
            expected.add(m + "@1");
            expected.add(m + "@3");
        }
        expected.add("auc");
        expected.add("users");
        assertEquals(expected, keys);
        assertEquals(0.296082, j.get("ndcg@3").asDouble(), 1e-6);
        assertEquals(1, j.get("users").asInt());
        assertTrue(out.toString().contains("ndcg"), out.toString());
    }

    @Test
    void evaluate_withTrain_addsTheExposureMetricsOfTheHandExample() throws IOException {
        // The case of ExposureReportTest: popularity 4, 2, 1, 1, 0; X gets i0, i1 and Y i0, i2.
        Path train = write("train.tsv", "A\ti0\nA\ti1\nA\ti2\nB\ti0\nB\ti1\nC\ti0\nC\ti3\nD\ti0\n");
        Path runFile = write("run.tsv", "X\ti0\nX\ti1\nY\ti0\nY\ti2\n");
        Path truth = write("truth.tsv", "X\ti4\nY\ti1\n");
        Path report = dir.resolve("report.json");
        int code = run("evaluate", "--run", runFile.toString(), "--truth", truth.toString(), "--train", train.toString(),
                "--k", "1,2", "--report", report.toString());
        assertEquals(0, code, err.toString());
        JsonNode j = new ObjectMapper().readTree(report.toFile());
        assertEquals(0.6, j.get("coverage@2").asDouble(), 1e-12);
        assertEquals(0.5, j.get("gini@2").asDouble(), 1e-12);
        assertEquals(2.75, j.get("avgpop@2").asDouble(), 1e-12);
        assertEquals(0.75, j.get("novelty@2").asDouble(), 1e-12);
        assertEquals(0.25, j.get("tailshare@2").asDouble(), 1e-12);
        assertTrue(out.toString().contains("tail: the 2 least popular of 5 items"), out.toString());
        assertEquals(2, run("evaluate", "--run", runFile.toString(), "--truth", truth.toString(), "--train",
                train.toString(), "--tail-share", "1.5"));
        assertTrue(err.toString().contains("--tail-share"), err.toString());
    }

    @Test
    void evaluate_malformedRun_exits2WithOneLineNamingFileAndLine() throws IOException {
        Path runFile = write("run.tsv", "u\ta\t1\nu\tb\tx\n");
        Path truth = write("truth.tsv", "u\tb\n");
        Path report = dir.resolve("report.json");
        int code = run("evaluate", "--run", runFile.toString(), "--truth", truth.toString(), "--report", report.toString());
        assertEquals(2, code);
        String e = err.toString().strip();
        assertFalse(e.contains("\n"), e);
        assertTrue(e.contains("run.tsv:2"), e);
        assertFalse(Files.exists(report), "no report after a failure");
    }

    @Test
    void missingFile_exits2() {
        assertEquals(2, run("evaluate", "--run", dir.resolve("nope.tsv").toString(), "--truth", "x"));
        assertTrue(err.toString().contains("nope.tsv"), err.toString());
    }

    @Test
    void stats_onSyntheticFiles() throws IOException {
        assertEquals(0, run("synth", "--out", dir.toString(), "--users", "100", "--items", "200", "--interactions", "2000"), err.toString());
        assertEquals(0, run("stats", "--format", "lightgcn", "--train", dir.resolve("train.txt").toString(),
                "--test", dir.resolve("test.txt").toString(), "--social", dir.resolve("social.tsv").toString()), err.toString());
        String s = out.toString();
        assertTrue(s.contains("users                  100"), s);
        assertTrue(s.contains("social edges"), s);
        assertTrue(s.contains("components (train)"), s);
    }

    @Test
    void stats_malformedTrain_exits2() throws IOException {
        Path bad = write("train.txt", "0 1 2\n1 x\n");
        assertEquals(2, run("stats", "--format", "lightgcn", "--train", bad.toString()));
        assertTrue(err.toString().contains("train.txt:2"), err.toString());
    }

    @Test
    void baseline_runFileEvaluatesToTheSameMeans() throws IOException {
        assertEquals(0, run("synth", "--out", dir.toString(), "--users", "150", "--items", "300", "--interactions", "4000"), err.toString());
        Path runFile = dir.resolve("run.tsv");
        Path b = dir.resolve("b.json");
        Path e = dir.resolve("e.json");
        assertEquals(0, run("baseline", "--format", "lightgcn", "--train", dir.resolve("train.txt").toString(),
                "--test", dir.resolve("test.txt").toString(), "--k", "5,10", "--report", b.toString(),
                "--write-run", runFile.toString()), err.toString());
        assertEquals(0, run("evaluate", "--run", runFile.toString(), "--truth", dir.resolve("test.tsv").toString(),
                "--k", "5,10", "--report", e.toString()), err.toString());
        JsonNode jb = new ObjectMapper().readTree(b.toFile());
        JsonNode je = new ObjectMapper().readTree(e.toFile());
        for (String m : new String[] {"recall@10", "ndcg@10", "precision@5", "mrr@10"}) {
            assertEquals(jb.get(m).asDouble(), je.get(m).asDouble(), 1e-9, m);
        }
    }

    @Test
    void explain_socialModel_printsFriendsItemsAndSelf_withItemText_summingToTheScore() throws IOException {
        assertEquals(0, run("synth", "--out", dir.toString(), "--users", "120", "--items", "200", "--interactions", "3000"), err.toString());
        Path model = dir.resolve("social.bin");
        assertEquals(0, run("train", "--format", "lightgcn", "--train", dir.resolve("train.txt").toString(),
                "--social", dir.resolve("social.tsv").toString(), "--model", "social", "--epochs", "3", "--dim", "8",
                "--threads", "1", "--save", model.toString()), err.toString());
        StringBuilder texts = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            texts.append(i).append("\ttitle of item ").append(i).append('\n');
        }
        Path itemText = write("items.tsv", texts.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("explain", "--model", model.toString(), "--user", "3", "--item", "7", "--n", "100000",
                "--item-text", itemText.toString()), err.toString());
        String[] ex = out.toString().strip().split("\n");
        assertTrue(ex[0].startsWith("score\t") && ex[0].endsWith("\ttitle of item 7"), ex[0]);
        double score = Double.parseDouble(ex[0].split("\t")[1]);
        double sum = 0;
        java.util.Set<String> kinds = new java.util.HashSet<>();
        for (int q = 1; q < ex.length; q++) {
            String[] f = ex[q].split("\t");
            kinds.add(f[0]);
            sum += Double.parseDouble(f[2]);
            if (f[0].equals("item")) {
                assertEquals("title of item " + f[1], f[4], ex[q]);
            }
        }
        assertEquals(score, sum, 1e-4);
        assertTrue(kinds.containsAll(List.of("self", "item")), kinds.toString());
    }

    @Test
    void serve_badOptionsOrModel_exit2BeforeListening() throws IOException {
        assertEquals(2, run("serve", "--model", dir.resolve("missing.bin").toString()));
        assertTrue(err.toString().contains("missing.bin"), err.toString());
        Path junk = write("junk.bin", "not a model");
        assertEquals(2, run("serve", "--model", junk.toString(), "--port", "0"));
        assertTrue(err.toString().contains("not a recsys4j model file"), err.toString());
        assertEquals(2, run("serve", "--model", junk.toString(), "--threads", "0"));
        assertEquals(2, run("serve", "--model", junk.toString(), "--port", "70000"));
        assertEquals(2, run("serve", "--model", junk.toString(), "--max-body", "0"));
    }

    @Test
    void train_reportsMetricsAndTimings_andSavedModelRecommends() throws IOException {
        assertEquals(0, run("synth", "--out", dir.toString(), "--users", "120", "--items", "200", "--interactions", "3000"), err.toString());
        Path report = dir.resolve("train.json");
        Path model = dir.resolve("model.bin");
        assertEquals(0, run("train", "--format", "lightgcn", "--train", dir.resolve("train.txt").toString(),
                "--test", dir.resolve("test.txt").toString(), "--social", dir.resolve("social.tsv").toString(),
                "--model", "social", "--epochs", "3", "--dim", "8", "--k", "10,20", "--threads", "1",
                "--report", report.toString(), "--save", model.toString()), err.toString());
        JsonNode j = new ObjectMapper().readTree(report.toFile());
        for (String k : new String[] {"recall@20", "ndcg@20", "precision@10", "users", "eval_seconds", "train_seconds"}) {
            assertTrue(j.has(k), k + " missing from " + j);
        }
        assertEquals(3, j.get("epoch_seconds").size());
        out.getBuffer().setLength(0);
        assertEquals(0, run("recommend", "--model", model.toString(), "--user", "5", "--k", "4"), err.toString());
        String[] lines = out.toString().strip().split("\n");
        assertEquals(4, lines.length, out.toString());
        assertTrue(lines[0].startsWith("1\t"), lines[0]);
        assertEquals(2, run("recommend", "--model", model.toString(), "--user", "nobody"));
    }

    @Test
    void train_socialClByDefaultWithASocialGraph_takesItsSettings_andRefusesThemElsewhere() throws IOException {
        assertEquals(0, run("synth", "--out", dir.toString(), "--users", "120", "--items", "200", "--interactions", "3000"), err.toString());
        Path model = dir.resolve("cl.bin");
        String[] data = {"--format", "lightgcn", "--train", dir.resolve("train.txt").toString(),
            "--test", dir.resolve("test.txt").toString(), "--epochs", "2", "--dim", "8", "--threads", "1"};
        String social = dir.resolve("social.tsv").toString();
        assertEquals(0, run(concat(new String[] {"train", "--social", social, "--contrast-weight", "0.02",
            "--contrast-temperature", "0.7", "--save", model.toString()}, data)), err.toString());
        assertTrue(out.toString().contains("trained socialcl"), out.toString());
        io.recsys4j.gnn.TrainingSettings s = io.recsys4j.gnn.GraphRecommender.load(model).settings();
        assertEquals(0.02, s.contrastWeight().orElseThrow());
        assertEquals(0.7, s.contrastTemperature().orElseThrow());
        // The same data options both ways: LightGCN takes --social and leaves the edges unused.
        out.getBuffer().setLength(0);
        assertEquals(0, run(concat(new String[] {"train", "--social", social, "--model", "lightgcn"}, data)), err.toString());
        assertTrue(out.toString().contains("--model lightgcn does not use the social graph")
                && out.toString().contains("trained lightgcn"), out.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run(concat(new String[] {"train", "--social", social, "--model", "social", "--contrast-weight", "0.1"}, data)));
        assertTrue(err.toString().startsWith("error: contrastWeight and contrastTemperature have no effect with SOCIAL"),
                err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run(concat(new String[] {"train", "--social", social, "--contrast-temperature", "0"}, data)));
        assertTrue(err.toString().contains("contrastTemperature must be in [0.01, 100], found 0.0"), err.toString());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** Test pairs that are training pairs can never be hit: counted, dropped by default, an error when all are. */
    @Test
    void testPairsSharedWithTrain_areCountedAndDropped_andTheTrainingFileAsTest_isAnError() throws IOException {
        Path tr = write("tr.txt", "0 1 2 3\n1 2 3 4\n2 0 1\n");
        Path te = write("te.txt", "0 4 1\n1 0\n2 5\n");   // user 0's item 1 is a training pair
        Path report = dir.resolve("b.json");
        assertEquals(0, run("baseline", "--format", "lightgcn", "--train", tr.toString(), "--test", te.toString(), "--k", "2",
                "--report", report.toString()), err.toString());
        assertTrue(out.toString().contains("warning: " + te + ": 1 of its 4 pairs are also training pairs, dropped"),
                out.toString());
        assertEquals(2, run("baseline", "--format", "lightgcn", "--train", tr.toString(), "--test", te.toString(),
                "--test-overlap", "error"));
        assertTrue(err.toString().contains("1 of its 4 pairs are also training pairs"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run("baseline", "--format", "lightgcn", "--train", tr.toString(), "--test", tr.toString()));
        assertTrue(err.toString().contains("every one of its 8 pairs is also a training pair"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run("train", "--format", "lightgcn", "--train", tr.toString(), "--valid", tr.toString(), "--epochs", "1"));
        assertTrue(err.toString().startsWith("error: " + tr + ": every one of its 8 pairs"), "validation too: " + err);
    }

    /** One stray huge id in the lightgcn format: an error naming file, line and id, not gigabytes of phantom items. */
    @Test
    void lightgcnHugeId_isOneLineNamingFileLineAndId_andCatalogueAllowsALargerOne() throws IOException {
        Path t = write("huge.txt", "0 1\n1 2000000000\n");
        assertEquals(2, run("stats", "--format", "lightgcn", "--train", t.toString()));
        String e = err.toString().strip();
        assertEquals(1, e.split("\\R").length, e);
        assertTrue(e.startsWith("error: " + t + ":2: item id 2000000000 would make a catalogue"), e);
        Path wide = write("wide.txt", "0 1\n1 300000\n");
        assertEquals(0, run("stats", "--format", "lightgcn", "--train", wide.toString(), "--catalogue", "300001"), err.toString());
        assertTrue(out.toString().contains("300001"), out.toString());
        assertEquals(2, run("stats", "--format", "pairs", "--train", wide.toString(), "--catalogue", "5"));
        assertTrue(err.toString().contains("--catalogue applies to --format lightgcn"), err.toString());
    }

    /** Settings or files that are the user's to fix exit 2 with one line, not 1 with an exception's class name. */
    @Test
    void divergingTraining_andABadEncoderFolder_areBadInput_exit2() throws IOException {
        Path t = write("train.txt", "0 1 2 3\n1 2 3\n2 0 1\n3 1 3\n");
        assertEquals(2, run("train", "--format", "lightgcn", "--train", t.toString(), "--epochs", "3", "--dim", "4",
                "--lr", "1e30"));
        String e = err.toString().strip();
        assertTrue(e.startsWith("error: loss became NaN") && e.contains("lower the learning rate"), e);
        assertFalse(e.contains("Exception"), e);
        err.getBuffer().setLength(0);
        Path folder = Files.createDirectory(dir.resolve("enc"));
        Files.writeString(folder.resolve("model.onnx"), "junk");
        Files.writeString(folder.resolve("tokenizer.json"), "{}");
        Path texts = write("texts.txt", "red shoes\nblue hat\n");
        assertEquals(2, run("encode", "--in", texts.toString(), "--out", dir.resolve("v.tsv").toString(),
                "--encoder", folder.toString()));
        String enc = err.toString().strip();
        assertTrue(enc.startsWith("error: " + folder.resolve("tokenizer.json") + ": not a tokenizer.json"), enc);
        assertFalse(Files.exists(dir.resolve("v.tsv")), "no partial output");
    }

    /** Sizes no machine can allocate are refused before allocating (they ended in OutOfMemoryError, exit 1). */
    @Test
    void absurdSizes_areRefusedUpFront_exit2() throws IOException {
        Path texts = write("texts.txt", "red shoes\nblue hat\n");
        String max = String.valueOf(Integer.MAX_VALUE);
        assertEquals(2, run("encode", "--in", texts.toString(), "--out", dir.resolve("v.tsv").toString(),
                "--encoder", "hashing", "--dim", max));
        assertTrue(err.toString().contains("dim must be in 1..65536, found " + max), err.toString());
        Path t = write("train.txt", "0 1 2\n1 2\n");
        assertEquals(2, run("train", "--format", "lightgcn", "--train", t.toString(), "--epochs", "1", "--dim", max));
        assertTrue(err.toString().contains("dim must be in 1..4096, found " + max), err.toString());
        assertEquals(2, run("synth", "--out", dir.resolve("s").toString(), "--users", max, "--items", "10",
                "--interactions", "10"));
        assertTrue(err.toString().contains("users and items must be at most 10000000"), err.toString());
        assertEquals(3, err.toString().strip().split("\\R").length, err.toString());
    }

    /** encode named no line for bad UTF-8; now the line that holds the byte. */
    @Test
    void encode_invalidUtf8_namesTheLine() throws IOException {
        Path texts = dir.resolve("texts.txt");
        Files.write(texts, new byte[] {'o', 'k', '\n', 'b', (byte) 0xC3, '(', '\n'});
        assertEquals(2, run("encode", "--in", texts.toString(), "--out", dir.resolve("v.tsv").toString(), "--encoder", "hashing"));
        assertEquals("error: " + texts + ":2: not valid UTF-8", err.toString().strip());
    }

    /** Process substitution and pipes: a stream of size 0 is read, not refused as empty. */
    @Test
    void aPipeAsTrainingFile_isRead() throws Exception {
        Path fifo = dir.resolve("train.pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(fifo, "u1\ta\nu1\tb\nu2\ta\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        assertEquals(0, run("stats", "--format", "pairs", "--train", fifo.toString()), err.toString());
        writer.join();
        assertTrue(out.toString().contains("users                  2\n"), out.toString());
    }

    /** A directory where a file belongs, as data or as a model: one line naming it, exit 2. */
    @Test
    void aDirectoryAsInput_isOneLineNamingIt_exit2() throws IOException {
        Path d = Files.createDirectory(dir.resolve("folder"));
        assertEquals(2, run("train", "--format", "lightgcn", "--train", d.toString(), "--test", d.toString(), "--epochs", "1"));
        assertEquals("error: " + d + ": is a directory, not a file", err.toString().strip());
        err.getBuffer().setLength(0);
        assertEquals(2, run("recommend", "--model", d.toString(), "--user", "1"));
        assertEquals("error: " + d + ": is a directory, not a file", err.toString().strip());
        err.getBuffer().setLength(0);
        Path junk = write("junk.bin", "not a model at all, but long enough to have a header");
        assertEquals(2, run("recommend", "--model", junk.toString(), "--user", "1"));
        assertEquals("error: " + junk + ": not a recsys4j model file", err.toString().strip());
    }

    /** k beyond the catalogue lists every candidate instead of asking for an impossible array; k < 1 is refused first. */
    @Test
    void hugeK_listsEveryCandidate_andKBelowOne_isRefusedBeforeTraining() throws IOException {
        assertEquals(0, run("synth", "--out", dir.toString(), "--users", "60", "--items", "90", "--interactions", "900"), err.toString());
        String train = dir.resolve("train.txt").toString();
        String test = dir.resolve("test.txt").toString();
        Path model = dir.resolve("m.bin");
        String max = String.valueOf(Integer.MAX_VALUE);
        assertEquals(0, run("train", "--format", "lightgcn", "--train", train, "--test", test, "--epochs", "1", "--dim", "4",
                "--k", max, "--save", model.toString()), err.toString());
        assertEquals(0, run("baseline", "--format", "lightgcn", "--train", train, "--test", test, "--k", max), err.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("recommend", "--model", model.toString(), "--user", "5", "--k", max), err.toString());
        int listed = out.toString().strip().split("\n").length;
        assertTrue(listed > 0 && listed <= 90, listed + " lines");
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        assertEquals(2, run("train", "--format", "lightgcn", "--train", train, "--test", test, "--epochs", "1", "--dim", "4",
                "--k", "20,0"));
        assertTrue(err.toString().contains("--k must be >= 1, found 0"), err.toString());
        assertFalse(out.toString().contains("read "), "refused before reading the data: " + out);
        err.getBuffer().setLength(0);
        assertEquals(2, run("train", "--format", "lightgcn", "--train", train, "--test", test, "--model", "social"));
        assertEquals("error: --model social needs --social FILE", err.toString().strip());
        err.getBuffer().setLength(0);
        assertEquals(2, run("train", "--format", "lightgcn", "--train", train, "--test", test, "--model", "socialcl"));
        assertEquals("error: --model socialcl needs --social FILE", err.toString().strip());
    }

    @Test
    void encode_folderModel_takesAPooling_andNamedModelsRefuseOne() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("minilm-folder"));
        try (java.io.InputStream m = getClass().getResourceAsStream("/all-minilm-l6-v2-q.onnx");
             java.io.InputStream t = getClass().getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
            Files.copy(m, folder.resolve("model.onnx"));
            Files.copy(t, folder.resolve("tokenizer.json"));
        }
        Path in = write("two.txt", "red running shoes\na garden hose for the summer\n");
        double[][][] v = new double[3][][];
        String[][] runs = {{"--encoder", "minilm-q"}, {"--encoder", folder.toString(), "--pooling", "mean"},
            {"--encoder", folder.toString(), "--pooling", "cls"}};
        for (int r = 0; r < 3; r++) {
            Path outFile = dir.resolve("v" + r + ".tsv");
            List<String> args = new ArrayList<>(List.of("encode", "--in", in.toString(), "--out", outFile.toString()));
            args.addAll(List.of(runs[r]));
            assertEquals(0, run(args.toArray(new String[0])), err.toString());
            List<String> lines = Files.readAllLines(outFile);
            v[r] = new double[lines.size()][];
            for (int l = 0; l < lines.size(); l++) {
                v[r][l] = java.util.Arrays.stream(lines.get(l).split("\t")).mapToDouble(Double::parseDouble).toArray();
            }
        }
        for (int l = 0; l < 2; l++) {
            assertTrue(cosine(v[0][l], v[1][l]) > 0.9999, "mean pooling of the folder is minilm-q's");
            assertTrue(cosine(v[1][l], v[2][l]) < 0.99, "cls pooling is another vector: " + cosine(v[1][l], v[2][l]));
        }
        assertEquals(2, run("encode", "--in", in.toString(), "--out", dir.resolve("x.tsv").toString(), "--encoder",
                "minilm-q", "--pooling", "cls"));
        assertTrue(err.toString().contains("a pooling applies to a model folder"), err.toString());
        assertEquals(2, run("encode", "--in", in.toString(), "--out", dir.resolve("x.tsv").toString(), "--encoder",
                folder.toString(), "--pooling", "max"));
        assertTrue(err.toString().contains("--pooling must be mean or cls, found 'max'"), err.toString());
    }

    private static double cosine(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int j = 0; j < a.length; j++) {
            ab += a[j] * b[j];
            aa += a[j] * a[j];
            bb += b[j] * b[j];
        }
        return ab / Math.sqrt(aa * bb);
    }

    @Test
    void encode_writesOneVectorLinePerInputLine_theEmptyLineIsTheEmptyText() throws IOException {
        Path in = write("texts.txt", "red running shoes\n\nwireless headphones\n");
        Path vec = dir.resolve("v.tsv");
        Path cache = dir.resolve("cache");
        for (String enc : new String[] {"hashing", "minilm"}) {
            // The tokenizer's loader probes for a GPU; on a CPU machine that must not warn (SLF4J writes to System.err).
            java.io.PrintStream saved = System.err;
            java.io.ByteArrayOutputStream logs = new java.io.ByteArrayOutputStream();
            System.setErr(new java.io.PrintStream(logs, true));
            try {
                assertEquals(0, run("encode", "--in", in.toString(), "--out", vec.toString(), "--encoder", enc,
                        "--dim", "64", "--cache", cache.toString()), err.toString());
            } finally {
                System.setErr(saved);
            }
            assertFalse(logs.toString().contains("CUDA"), logs.toString());
            List<String> lines = Files.readAllLines(vec);
            assertEquals(3, lines.size(), enc);
            int dim = enc.equals("hashing") ? 64 : 384;
            for (int l = 0; l < 3; l++) {
                String[] f = lines.get(l).split("\t");
                assertEquals(dim, f.length, enc);
                double sq = 0;
                for (String x : f) {
                    sq += Double.parseDouble(x) * Double.parseDouble(x);
                }
                // The empty line is the empty text: minilm embeds [CLS] [SEP]; hashing finds no words in it.
                assertEquals(l == 1 && enc.equals("hashing") ? 0 : 1, sq, 1e-5, enc + " line " + (l + 1));
            }
        }
    }

    @Test
    void train_withItemText_savesATextFedModel() throws IOException {
        assertEquals(0, run("synth", "--out", dir.toString(), "--users", "100", "--items", "150", "--interactions", "2000"), err.toString());
        Path model = dir.resolve("text.bin");
        assertEquals(0, run("train", "--format", "lightgcn", "--train", dir.resolve("train.txt").toString(),
                "--test", dir.resolve("test.txt").toString(), "--item-text", dir.resolve("items.tsv").toString(),
                "--user-text", dir.resolve("users.tsv").toString(), "--encoder", "hashing", "--epochs", "2", "--dim", "8",
                "--threads", "1", "--save", model.toString()), err.toString());
        assertTrue(out.toString().contains("item texts: 150 of 150"), out.toString());
        assertTrue(io.recsys4j.gnn.GraphRecommender.load(model).textFed());
        // serve takes the pooling of a model folder only, and checks the encoder's dimension before listening.
        assertEquals(2, run("serve", "--model", model.toString(), "--encoder", "minilm-q", "--pooling", "cls"));
        assertTrue(err.toString().contains("a pooling applies to a model folder"), err.toString());
        assertEquals(2, run("serve", "--model", model.toString(), "--encoder", "minilm-q"));
        assertTrue(err.toString().contains("gives 384-d vectors, the model was trained on 4096-d ones"), err.toString());
        assertEquals(2, run("train", "--format", "lightgcn", "--train", dir.resolve("train.txt").toString(),
                "--user-text", dir.resolve("users.tsv").toString(), "--epochs", "1"));
        assertEquals(2, run("train", "--format", "lightgcn", "--train", dir.resolve("train.txt").toString(),
                "--cold-weight", "0", "--epochs", "1"));
        assertTrue(err.toString().contains("--cold-weight needs --item-text"), err.toString());

        // The cold-start weight reaches training: the same seed with another weight learns another projection.
        float[][] w = new float[3][];
        for (int r = 0; r < 3; r++) {
            Path p = dir.resolve("cold" + r + ".bin");
            assertEquals(0, run("train", "--format", "lightgcn", "--train", dir.resolve("train.txt").toString(),
                    "--item-text", dir.resolve("items.tsv").toString(), "--encoder", "hashing", "--epochs", "2",
                    "--dim", "8", "--threads", "1", "--cold-weight", r == 1 ? "2" : "0", "--save", p.toString()),
                    err.toString());
            w[r] = io.recsys4j.gnn.GraphRecommender.load(p).projection();
        }
        assertArrayEquals(w[0], w[2], "same weight, same seed, one thread: the same projection");
        assertFalse(java.util.Arrays.equals(w[0], w[1]));
    }

    @Test
    void bench_printsEpochSecondsEvaluationSecondsAndMetricsAsJson() throws IOException {
        assertEquals(0, run("synth", "--out", dir.toString(), "--users", "100", "--items", "150", "--interactions", "2000"), err.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("bench", "--train", dir.resolve("train.txt").toString(), "--test",
                dir.resolve("test.txt").toString(), "--epochs", "2", "--threads", "1"), err.toString());
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertEquals(2, j.get("epoch_seconds").size(), j.toString());
        assertTrue(j.get("epoch_seconds").get(1).asDouble() > 0, j.toString());
        assertTrue(j.get("eval_seconds").asDouble() > 0, j.toString());
        double recall = j.get("metrics").get("recall@20").asDouble(-1);
        assertTrue(recall >= 0 && recall <= 1, j.toString());
        assertEquals(100, j.get("users").asInt());

        out.getBuffer().setLength(0);
        assertEquals(0, run("bench", "--model", "filter", "--train", dir.resolve("train.txt").toString(), "--test",
                dir.resolve("test.txt").toString(), "--threads", "1"), err.toString());
        JsonNode f = new ObjectMapper().readTree(out.toString());
        assertEquals("filter", f.get("model").asText());
        assertTrue(f.get("fit_seconds").asDouble() > 0, f.toString());
        assertTrue(f.has("settings") && !f.has("epoch_seconds"), f.toString());
        assertTrue(f.get("metrics").get("recall@20").asDouble() > recall, "the filter should beat 2 epochs of LightGCN: " + f);
        assertEquals(2, run("bench", "--model", "filter", "--epochs", "2", "--train", dir.resolve("train.txt").toString(),
                "--test", dir.resolve("test.txt").toString()));
        assertEquals(2, run("bench", "--model", "mf", "--train", dir.resolve("train.txt").toString(),
                "--test", dir.resolve("test.txt").toString()));
    }

    @Test
    void coldstart_textRanksHeldOutItemsAboveChance() throws IOException {
        assertEquals(0, run("synth", "--out", dir.toString(), "--users", "150", "--items", "400", "--interactions", "5000"), err.toString());
        Path all = write("all.txt", String.join("\n", Files.readAllLines(dir.resolve("train.txt"))) + "\n");
        Path report = dir.resolve("cold.json");
        // Twenty friends without interactions join the id space (170 users) but are evaluated nowhere.
        StringBuilder friends = new StringBuilder(Files.readString(dir.resolve("social.tsv")));
        for (int f = 0; f < 20; f++) {
            friends.append(f).append('\t').append(900 + f).append('\n');
        }
        Path social = write("social-plus.tsv", friends.toString());
        assertEquals(0, run("coldstart", "--format", "lightgcn", "--train", all.toString(), "--item-text",
                dir.resolve("items.tsv").toString(), "--social", social.toString(), "--encoder", "hashing",
                "--epochs", "3", "--dim", "16", "--cold-weight", "0,2", "--text-weight", "0,0.1", "--report",
                report.toString()), err.toString());
        JsonNode j = new ObjectMapper().readTree(report.toFile());
        int coldUsers = j.get("cold_users").asInt();
        int warmUsers = j.get("warm_users").asInt();
        assertTrue(coldUsers > 0 && coldUsers <= 150 && warmUsers > 0 && warmUsers <= 150, j.toString());
        assertTrue(out.toString().contains("(cold: " + coldUsers + " users evaluated over "), out.toString());
        assertTrue(out.toString().contains("; warm: " + warmUsers + " users evaluated over "), out.toString());
        for (String m : new String[] {"text-fed gcn", "text-fed social"}) {
            double w = j.get(m).get("cold_weight").asDouble(-1);
            assertTrue(w == 0 || w == 2, "chosen among the weights given: " + w);
            assertTrue(out.toString().contains(m + ", cold-start weight 2.0: validation (warm + cold recall@20) / 2 = "),
                    out.toString());
            int epochs = j.get(m).get("epoch").asInt();
            assertTrue(epochs >= 1 && epochs <= 3, "the validated epoch count, at most --epochs: " + epochs);
            JsonNode d = j.get("differences").get(m + " - text-only, cold").get("recall@20");
            double mean = j.get(m).get("cold_recall@20").asDouble() - j.get("text-only").get("cold_recall@20").asDouble();
            assertEquals(mean, d.get(0).asDouble(), 1e-9, "paired mean difference = difference of means (same users)");
            assertTrue(d.get(1).asDouble() < mean && mean < d.get(2).asDouble(), d.toString());
        }
        double gamma = j.get("text filter").get("cold_weight").asDouble(-1);
        assertTrue(gamma == 0 || gamma == 0.1, "the text filter's weight, chosen among those given: " + gamma);
        assertTrue(out.toString().contains("text filter, text weight 0.1: validation (warm + cold recall@20) / 2 = "),
                out.toString());
        assertTrue(j.get("differences").has("text filter - filter, cold"), j.get("differences").toString());
        for (String m : new String[] {"popularity", "lightgcn", "text-only", "text-fed gcn", "text-fed social", "filter",
                "text filter"}) {
            for (String k : new String[] {"cold_recall@20", "cold_ndcg@20", "warm_recall@20", "warm_ndcg@20"}) {
                double v = j.get(m).get(k).asDouble(-1);
                assertTrue(v >= 0 && v <= 1, m + " " + k + " = " + v);
            }
        }
        // About 80 held-out items: ranking them at random gives recall@20 near 0.25; their text names the category.
        assertTrue(j.get("text-only").get("cold_recall@20").asDouble() > 0.4, j.toString());
        assertTrue(j.get("text-fed gcn").get("cold_recall@20").asDouble() > j.get("lightgcn").get("cold_recall@20").asDouble(),
                j.toString());
    }

    @Test
    void trainFilter_tuningNeverSeesTheTestSplit_andTheSavedModelRecommendsAndExplains() throws IOException {
        assertEquals(0, run("synth", "--out", dir.toString(), "--users", "150", "--items", "120", "--interactions", "3000"), err.toString());
        // A second test split with other users' pairs: if tuning read the test, its table would change.
        List<String> other = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("test.txt"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 1) {
                other.add(f[0] + " " + String.join(" ", List.of(f).subList(1, Math.min(2, f.length))));
            }
        }
        Path test2 = write("test2.txt", String.join("\n", other.subList(0, other.size() / 2)) + "\n");
        JsonNode[] reports = new JsonNode[2];
        Path model = dir.resolve("filter.bin");
        for (int r = 0; r < 2; r++) {
            Path report = dir.resolve("filter" + r + ".json");
            assertEquals(0, run("train", "--model", "filter", "--format", "lightgcn", "--train", dir.resolve("train.txt").toString(),
                    "--test", (r == 0 ? dir.resolve("test.txt") : test2).toString(), "--threads", "1",
                    "--report", report.toString(), "--save", model.toString()), err.toString());
            reports[r] = new ObjectMapper().readTree(report.toFile());
        }
        for (String k : new String[] {"recall@20", "ndcg@20", "fit_seconds", "settings", "tuning", "total_seconds"}) {
            assertTrue(reports[0].has(k), k + " missing from " + reports[0]);
        }
        assertTrue(reports[0].get("tuning").size() > 1);
        assertEquals(reports[0].get("tuning"), reports[1].get("tuning"));
        assertEquals(reports[0].get("settings"), reports[1].get("settings"));
        assertFalse(reports[0].get("recall@20").equals(reports[1].get("recall@20")), "the two test splits should score differently");

        // topk: every user's list as a run file, the model's own lists; evaluate reads it.
        Path run = dir.resolve("run.tsv");
        assertEquals(0, run("topk", "--model", model.toString(), "--k", "5", "--out", run.toString()), err.toString());
        io.recsys4j.gnn.Recommender loaded = io.recsys4j.gnn.Recommender.load(model);
        List<String> runLines = Files.readAllLines(run);
        assertEquals(5 * loaded.users().size(), runLines.size());
        List<io.recsys4j.gnn.Recommendation> five = loaded.recommend("5", 5);
        List<String> userFive = runLines.stream().filter(l -> l.startsWith("5\t")).toList();
        for (int j = 0; j < 5; j++) {
            assertEquals("5\t" + five.get(j).itemId() + "\t" + five.get(j).score(), userFive.get(j));
        }
        assertEquals(0, run("evaluate", "--run", run.toString(), "--truth", dir.resolve("test.tsv").toString(), "--k", "5"),
                err.toString());
        Path some = write("some.txt", "5\n\n7\n5\n");
        assertEquals(0, run("topk", "--model", model.toString(), "--k", "3", "--users", some.toString(), "--out", run.toString()));
        assertEquals(6, Files.readAllLines(run).size());
        Path unknown = write("unknown.txt", "5\nnobody\n");
        assertEquals(2, run("topk", "--model", model.toString(), "--users", unknown.toString(), "--out", run.toString()));
        assertTrue(err.toString().contains("unknown.txt:2: user 'nobody' is not a user of"), err.toString());
        assertEquals(6, Files.readAllLines(run).size(), "a failed topk leaves the earlier file as it was");

        out.getBuffer().setLength(0);
        assertEquals(0, run("recommend", "--model", model.toString(), "--user", "5", "--k", "4"), err.toString());
        String[] lines = out.toString().strip().split("\n");
        assertEquals(4, lines.length, out.toString());
        String item = lines[0].split("\t")[1];
        out.getBuffer().setLength(0);
        assertEquals(0, run("explain", "--model", model.toString(), "--user", "5", "--item", item, "--n", "1000"), err.toString());
        String[] ex = out.toString().strip().split("\n");
        assertTrue(ex[0].startsWith("score\t"), ex[0]);
        double score = Double.parseDouble(ex[0].split("\t")[1]);
        assertEquals(Double.parseDouble(lines[0].split("\t")[2]), score, 1e-5);
        double sum = 0;
        for (int q = 1; q < ex.length; q++) {
            String[] f = ex[q].split("\t");
            assertEquals("item", f[0], ex[q]);
            sum += Double.parseDouble(f[2]);
        }
        assertTrue(ex.length > 2, out.toString());
        assertEquals(score, sum, 1e-4);
        assertEquals(2, run("explain", "--model", model.toString(), "--user", "5", "--item", "no-such-item"));
        assertEquals(2, run("explain", "--model", model.toString(), "--user", "nobody", "--item", item));
    }
}
