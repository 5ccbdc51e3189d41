package io.recsys4j.benchmarks;

import io.recsys4j.core.Interactions;
import io.recsys4j.gnn.GraphRecommender;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Full-ranking top-20 for every user at Gowalla's size (29,858 users x 40,981 items, 64-d),
 * each user's training items masked: {@link GraphRecommender#recommendBatch}, which scores
 * blocks of users with one BLAS product and selects with a bounded heap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx4g", "-Dorg.bytedeco.javacpp.maxbytes=4G", "-Dorg.bytedeco.javacpp.maxphysicalbytes=8G"})
public class TopKBenchmark {
    @Param({"256"})
    int blockSize;

    private GraphRecommender model;
    private List<String> users;

    @Setup
    public void setUp() {
        Interactions train = GowallaSize.split(42).train();
        Random r = new Random(42);
        float[] u = new float[train.numUsers() * 64];
        float[] i = new float[train.numItems() * 64];
        for (int k = 0; k < u.length; k++) {
            u[k] = (float) r.nextGaussian();
        }
        for (int k = 0; k < i.length; k++) {
            i[k] = (float) r.nextGaussian();
        }
        model = GraphRecommender.fromEmbeddings(train, u, i, 64);
        users = train.users().ids();
    }

    @Benchmark
    public void top20AllUsers(Blackhole bh) {
        model.recommendBatch(users, 20, blockSize, (user, list) -> bh.consume(list));
    }
}
