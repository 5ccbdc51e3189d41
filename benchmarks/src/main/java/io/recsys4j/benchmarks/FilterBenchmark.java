package io.recsys4j.benchmarks;

import io.recsys4j.core.Interactions;
import io.recsys4j.core.Workers;
import io.recsys4j.gnn.FilterSettings;
import io.recsys4j.gnn.GraphFilter;
import io.recsys4j.gnn.internal.filter.NormalizedGraph;
import io.recsys4j.gnn.internal.filter.RandomizedSvd;
import io.recsys4j.gnn.internal.graph.CsrMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The graph filter at Gowalla's size (29,858 users x 40,981 items, 810,128 training pairs;
 * {@link GowallaSize}), with the settings validation chose on the real Gowalla split (a 0.6,
 * k 256, α 0.2, T 0.5): the top-256 randomized SVD of the normalised matrix (what each fit
 * and each tuned exponent costs), the full scores of one block of 256 users (what evaluation
 * and batch recommendation repeat 117 times), and fold-in: the top 20 for a new user known by
 * 30 items, the request a server answers.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar FilterBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx4g"})
public class FilterBenchmark {
    private static final FilterSettings GOWALLA_CHOICE = FilterSettings.builder().exponent(0.6).rank(256)
            .idealWeight(0.2).sharpening(0.5).build();

    private CsrMatrix normalized;
    private Workers workers;
    private GraphFilter model;
    private int[] block;
    private float[] scores;
    private List<List<String>> histories;
    private int next;

    @Setup
    public void setUp() {
        Interactions train = GowallaSize.split(42).train();
        workers = Workers.of(2);
        normalized = NormalizedGraph.normalized(train, GOWALLA_CHOICE.exponent());
        model = GraphFilter.builder().interactions(train).settings(GOWALLA_CHOICE).fit();
        block = new int[256];
        for (int r = 0; r < block.length; r++) {
            block[r] = r * (train.numUsers() / block.length);
        }
        scores = new float[block.length * train.numItems()];
        // 64 different 30-item histories drawn from the catalogue, popular items as often as in the data
        Random rnd = new Random(7);
        histories = new ArrayList<>();
        for (int h = 0; h < 64; h++) {
            List<String> items = new ArrayList<>();
            while (items.size() < 30) {
                String id = train.items().id(train.item(rnd.nextInt(train.size())));
                if (!items.contains(id)) {
                    items.add(id);
                }
            }
            histories.add(items);
        }
    }

    @TearDown
    public void tearDown() {
        workers.close();
    }

    /** Top-256 singular triplets (oversampling 32, 4 power iterations), 2 threads. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public RandomizedSvd.Result svdTop256() {
        return RandomizedSvd.topK(normalized, 256, 32, 4, 42, workers);
    }

    /** Every item's score for 256 users: linear term, sharpened correction and ideal term. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 3, time = 5)
    public float[] scoreBlockOf256Users() {
        model.score(block, scores);
        return scores;
    }

    /** A new user known by 30 items: scores of every item, training items excluded, top 20. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2, time = 3)
    @Measurement(iterations = 3, time = 3)
    public Object foldInThirtyItems() {
        next = (next + 1) & 63;
        return model.recommendForHistory(histories.get(next), List.of(), null, 20);
    }

    @Setup(Level.Iteration)
    public void resetHistory() {
        next = 0;
    }
}
