package io.recsys4j.gnn;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.recsys4j.core.Dataset;
import io.recsys4j.core.Interactions;
import io.recsys4j.core.io.InteractionReader;
import io.recsys4j.eval.EvaluationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Accuracy against the reference PyTorch LightGCN (figures in docs/benchmarks.md), with its settings:
 * 3 layers, dim 64, lr 0.001, reg 1e-4, batch 2048, full ranking. Reads the shared data by
 * path (property {@code recsys.data.dir}); reported as skipped, with the path, without it.
 */
class ReferenceAccuracyTest {
    private static Path data(String sub) {
        Path dir = Path.of(System.getProperty("recsys.data.dir", "../shared/data")).resolve(sub);
        assumeTrue(Files.isDirectory(dir), "shared data not found at " + dir.toAbsolutePath());
        return dir;
    }

    private static void atLeast97Percent(EvaluationReport r, double recall, double ndcg) {
        double gotRecall = r.mean("recall@20");
        double gotNdcg = r.mean("ndcg@20");
        assertTrue(gotRecall >= 0.97 * recall, "recall@20 " + gotRecall + " < 0.97 x " + recall);
        assertTrue(gotNdcg >= 0.97 * ndcg, "ndcg@20 " + gotNdcg + " < 0.97 x " + ndcg);
    }

    @Test
    void ml1m_threeEpochs_matchesTheReference() throws IOException {
        Path d = data("ml-1m");
        InteractionReader r = InteractionReader.lightGcn();
        Interactions train = r.read(d.resolve("train.txt")).data();
        Interactions valid = r.read(d.resolve("valid.txt")).data();
        Interactions test = r.read(d.resolve("test.txt")).data();
        // train + valid as train, as the reference figures were made.
        Dataset ds = Dataset.builder().train(train).valid(valid).test(test).build();
        Interactions all = ds.train().concat(ds.valid().orElseThrow());
        GraphRecommender m = GraphRecommender.builder().interactions(all).epochs(3).seed(42).fit();
        atLeast97Percent(m.evaluate(ds.test().orElseThrow(), 20), 0.1233, 0.1785);
    }

    @Test
    void lastfm_400Epochs_matchesTheReference() throws IOException {
        Path d = data("lastfm-social");
        InteractionReader r = InteractionReader.pairs();
        Dataset ds = Dataset.builder().train(r.read(d.resolve("train.tsv")).data())
                .test(r.read(d.resolve("test.tsv")).data()).build();
        GraphRecommender m = GraphRecommender.builder().interactions(ds.train()).epochs(400).seed(42).fit();
        atLeast97Percent(m.evaluate(ds.test().orElseThrow(), 20), 0.2679, 0.2075);
    }
}
