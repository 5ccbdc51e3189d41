package io.recsys4j.benchmarks;

import io.recsys4j.core.Dataset;
import io.recsys4j.core.io.InteractionReader;
import io.recsys4j.core.io.SocialReader;
import io.recsys4j.gnn.ModelKind;
import io.recsys4j.gnn.TrainingSettings;
import io.recsys4j.gnn.internal.train.BprTrainer;
import java.io.IOException;
import java.nio.file.Path;
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
 * One training epoch of each model kind on the same social data set, for the epoch-time
 * ratio of a social model to LightGCN: Last.fm ({@code pairs} train.tsv and trust.tsv in the
 * folder {@code -Drecsys.lastfm=DIR}, default {@code ../shared/data/lastfm-social}) with the
 * reference settings (3 layers, dim 64, batch 2048, lr 0.001, reg 1e-4, seed 2020).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar SocialTrainingBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx4g", "-Dorg.bytedeco.javacpp.maxbytes=4G", "-Dorg.bytedeco.javacpp.maxphysicalbytes=8G"})
public class SocialTrainingBenchmark {
    @Param({"lightgcn", "socialcl", "social"})
    String kind;

    @Param({"2"})
    int threads;

    private BprTrainer.Session session;
    private SplittableRandom random;
    private int epoch = 1;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path dir = Path.of(System.getProperty("recsys.lastfm", "../shared/data/lastfm-social"));
        Dataset d = Dataset.builder().train(InteractionReader.forFormat("pairs").read(dir.resolve("train.tsv")).data())
                .social(SocialReader.edges().withUnknownUsersAdded().read(dir.resolve("trust.tsv")).data()).build();
        ModelKind k = ModelKind.parse(kind);
        TrainingSettings c = TrainingSettings.builder().kind(k).epochs(1).seed(2020).threads(threads).build();
        session = new BprTrainer(c, d.train(), k.usesSocial() ? d.social().orElseThrow() : null, null, null).open();
        random = new SplittableRandom(2020);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        session.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 30)
    @Measurement(iterations = 30)
    public double epoch() {
        return session.epoch(random, epoch++);
    }
}
