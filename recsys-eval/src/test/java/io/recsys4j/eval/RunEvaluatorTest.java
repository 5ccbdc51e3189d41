package io.recsys4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recsys4j.core.io.MalformedDataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunEvaluatorTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void workedExample_fromFiles() throws IOException {
        Path run = write("run.tsv", "u\ta\nu\tb\nu\tc\nu\td\nu\te\n");
        Path truth = write("truth.tsv", "u\tb\nu\te\nu\tz\n");
        EvaluationReport r = new RunEvaluator(3).evaluate(RunFile.read(run), RunFile.readTruth(truth, null));
        assertEquals(1, r.users());
        assertEquals(1.0 / 3, r.mean("precision@3"), 1e-12);
        assertEquals(1.0 / 3, r.mean("recall@3"), 1e-12);
        assertEquals(1.0 / 3, r.mean("f1@3"), 1e-12);
        assertEquals(1.0, r.mean("hit@3"));
        assertEquals(0.296082, r.mean("ndcg@3"), 1e-6);
        assertEquals(0.5, r.mean("mrr@3"));
        // Without scores the rank decides: positives b (2nd), e (5th); negatives a, c, d.
        // b beats c, d; e beats none -> 2 / 6.
        assertEquals(2.0 / 6, r.mean("auc"), 1e-12);
    }

    @Test
    void userLinesNeedNotBeContiguous_andOrderIsRank() throws IOException {
        Path run = write("run.tsv", "u\tx\nv\tq\nu\ty\n");
        RunFile f = RunFile.read(run);
        assertEquals(List.of("x", "y"), f.ranking("u"));
    }

    @Test
    void scores_decideAucWithTiesCountingHalf() {
        Map<String, List<String>> rank = Map.of("u", List.of("a", "b", "c", "d"));
        Map<String, double[]> scores = Map.of("u", new double[] {0.9, 0.5, 0.5, 0.1});
        EvaluationReport r = new RunEvaluator(2).evaluate(RunFile.of(rank, scores), Map.of("u", Set.of("b", "d")));
        // b vs a: lose, b vs c: tie; d loses both -> 0.5 / 4
        assertEquals(0.125, r.mean("auc"), 1e-15);
    }

    @Test
    void userWithTruthButNoRun_countsAsAllMiss_andUserWithoutTruthIsSkipped() {
        Map<String, List<String>> rank = new LinkedHashMap<>();
        rank.put("u", List.of("a"));
        rank.put("stranger", List.of("a"));
        Map<String, Set<String>> truth = new LinkedHashMap<>();
        truth.put("u", Set.of("a"));
        truth.put("w", Set.of("b"));
        EvaluationReport r = new RunEvaluator(1, 5).evaluate(RunFile.of(rank, null), truth);
        assertEquals(2, r.users());
        assertEquals(List.of("u", "w"), r.userIds());
        assertEquals(0.5, r.mean("hit@1"));
        assertEquals(0.1, r.mean("precision@5"), 1e-15);
        // u has a positive but no negative, w has neither: auc is undefined for both.
        assertEquals(0, r.count("auc"));
        assertTrue(Double.isNaN(r.mean("auc")));
    }

    @Test
    void perUserResults_areAvailable() {
        Map<String, List<String>> rank = Map.of("u", List.of("a", "b"), "v", List.of("c", "d"));
        Map<String, Set<String>> truth = new LinkedHashMap<>();
        truth.put("u", Set.of("b"));
        truth.put("v", Set.of("c"));
        EvaluationReport r = new RunEvaluator(2).evaluate(RunFile.of(rank, null), truth);
        double[] mrr = r.perUser("mrr@2");
        assertEquals(0.5, mrr[0]);
        assertEquals(1.0, mrr[1]);
        assertEquals(0.75, r.mean("mrr@2"));
    }

    @Test
    void badRunLines_areRejectedWithFileAndLine() throws IOException {
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> RunFile.read(write("r1.tsv", "u\ta\t0.5\nu\tb\n")));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("r1.tsv:2"), e.getMessage());
        assertEquals(1, assertThrows(MalformedDataException.class, () -> RunFile.read(write("r2.tsv", "u\ta\tx\n"))).line());
        assertEquals(2, assertThrows(MalformedDataException.class, () -> RunFile.read(write("r3.tsv", "u\ta\nu\ta\n"))).line());
        assertEquals(1, assertThrows(MalformedDataException.class, () -> RunFile.read(write("r4.tsv", "u a\n"))).line());
        assertTrue(assertThrows(MalformedDataException.class, () -> RunFile.read(write("r5.tsv", ""))).problem().contains("empty"));
        assertTrue(assertThrows(MalformedDataException.class, () -> RunFile.read(write("r6.tsv", "u\ta\tNaN\n"))).problem()
                .contains("not finite"));
    }

    @Test
    void repeatedTruthLines_formASetAndAreCounted() throws IOException {
        long[] rep = new long[1];
        Map<String, Set<String>> t = RunFile.readTruth(write("t.tsv", "u\ta\nu\ta\nu\tb\n"), rep);
        assertEquals(Set.of("a", "b"), t.get("u"));
        assertEquals(1, rep[0]);
    }

    @Test
    void unknownMetric_isNamed() {
        EvaluationReport r = new RunEvaluator(1).evaluate(RunFile.of(Map.of("u", List.of("a")), null), Map.of("u", Set.of("a")));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> r.mean("ndcg@7")).getMessage().contains("ndcg@7"));
    }
}
