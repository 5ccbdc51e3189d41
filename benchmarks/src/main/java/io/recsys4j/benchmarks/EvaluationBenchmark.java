package io.recsys4j.benchmarks;

import io.recsys4j.core.IdMap;
import io.recsys4j.core.Interactions;
import io.recsys4j.eval.EvaluationReport;
import io.recsys4j.eval.RankingEvaluator;
import io.recsys4j.gnn.internal.serving.EmbeddingScorer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Full-ranking evaluation of a trained model's scores at Gowalla's size: 29,858 users x
 * 40,981 items, 64-d embeddings, about 810k training interactions masked and 217k test
 * interactions, all metrics at 1, 5, 10, 20 plus AUC. Measures scoring (BLAS) plus top-K,
 * metrics and AUC, as one call of {@link RankingEvaluator#evaluate}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx4g", "-Dorg.bytedeco.javacpp.maxbytes=4G", "-Dorg.bytedeco.javacpp.maxphysicalbytes=8G"})
public class EvaluationBenchmark {
    @Param({"29858"})
    int users;

    @Param({"40981"})
    int items;

    @Param({"true", "false"})
    boolean auc;

    private EmbeddingScorer scorer;
    private Interactions train;
    private Interactions test;
    private RankingEvaluator evaluator;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(42);
        Nd4j.getRandom().setSeed(42);
        scorer = new EmbeddingScorer(Nd4j.randn(DataType.FLOAT, users, 64), Nd4j.randn(DataType.FLOAT, items, 64));
        Interactions.Builder tr = Interactions.builder(IdMap.range(users), IdMap.range(items));
        Interactions.Builder te = Interactions.builder(IdMap.range(users), IdMap.range(items));
        for (int u = 0; u < users; u++) {
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            int n = 10 + r.nextInt(35);
            for (int k = 0; k < n; k++) {
                int i = r.nextInt(items);
                if (seen.add(i)) {
                    if (k % 5 == 4) {
                        te.add(u, i);
                    } else {
                        tr.add(u, i);
                    }
                }
            }
        }
        train = tr.build();
        test = te.build();
        evaluator = RankingEvaluator.builder().ks(1, 5, 10, 20).auc(auc).build();
    }

    @Benchmark
    public EvaluationReport fullRanking() {
        return evaluator.evaluate(scorer, train, test);
    }
}
