package io.recsys4j.benchmarks;

import io.recsys4j.core.Interactions;
import io.recsys4j.gnn.internal.train.BprTrainer;
import io.recsys4j.gnn.TrainingSettings;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * BPR training of LightGCN at Gowalla's size (29,858 x 40,981, 810,128 training
 * interactions) with the reference settings (3 layers, dim 64, batch 2048, Adam lr 0.001,
 * reg 1e-4): {@code step} is one batch (forward through all layers, loss, backward, Adam on
 * every embedding), {@code epoch} is one pass over all training interactions (396 steps plus
 * sampling), the unit the reference's epoch time is given in.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx6g", "-Dorg.bytedeco.javacpp.maxbytes=6G", "-Dorg.bytedeco.javacpp.maxphysicalbytes=12G"})
public class TrainingBenchmark {
    @Param({"2"})
    int threads;

    private BprTrainer.Session session;
    private int[][] triples;
    private int from;
    private int epoch = 1;
    private SplittableRandom random;

    @Setup(Level.Trial)
    public void setUp() {
        Interactions train = GowallaSize.split(42).train();
        TrainingSettings c = TrainingSettings.builder().epochs(1).seed(2020).threads(threads).build();
        session = new BprTrainer(c, train, null, null, null).open();
        random = new SplittableRandom(2020);
        triples = session.sampleEpoch(random);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        session.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 5, time = 5)
    public double step() {
        if (from >= triples[0].length) {
            from = 0;
        }
        int to = Math.min(triples[0].length, from + 2048);
        double loss = session.step(triples[0], triples[1], triples[2], from, to, 1);
        from = to;
        return loss;
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public double epoch() {
        return session.epoch(random, epoch++);
    }
}
