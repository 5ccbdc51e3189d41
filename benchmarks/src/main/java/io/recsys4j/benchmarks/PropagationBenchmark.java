package io.recsys4j.benchmarks;

import io.recsys4j.gnn.internal.graph.Adjacency;
import io.recsys4j.gnn.internal.graph.CsrMatrix;
import io.recsys4j.gnn.internal.propagation.CsrCpuPropagation;
import io.recsys4j.gnn.internal.propagation.Nd4jOpsPropagation;
import io.recsys4j.gnn.internal.propagation.Propagation;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
 * One propagation {@code Â·X} and its backward pass at Gowalla's size: 70,839 nodes,
 * 1,620,256 non-zeros, dim 64, for each propagation path. {@code heap} runs the CPU kernel
 * on heap arrays (as training does), {@code nd4j} on ND4J arrays (copying in and out);
 * {@code nd4j-ops} is the CUDA path run on the CPU backend (slow here, for reference).
 * {@code simd} picks the CPU kernel: the Vector API one or the portable scalar one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx6g", "-Dorg.bytedeco.javacpp.maxbytes=6G", "-Dorg.bytedeco.javacpp.maxphysicalbytes=12G"})
public class PropagationBenchmark {
    @Param({"csr-cpu"})
    String path;

    @Param({"2"})
    int threads;

    /** The SIMD row kernel (the forks run with the Vector API module) or the portable scalar one. */
    @Param({"true", "false"})
    boolean simd;

    private Propagation prop;
    private INDArray x;
    private INDArray y;
    private float[] hx;
    private float[] hy;

    @Setup(Level.Trial)
    public void setUp() {
        CsrMatrix a = Adjacency.normalizedBipartite(GowallaSize.split(42).train());
        if (a.rows() != 70_839 || a.nonZeros() != 1_620_256) {
            throw new IllegalStateException("unexpected graph size " + a.rows() + " / " + a.nonZeros());
        }
        System.setProperty("recsys.simd", String.valueOf(simd));
        prop = path.equals("nd4j-ops") ? new Nd4jOpsPropagation(a) : new CsrCpuPropagation(a, threads);
        if (path.equals("csr-cpu") && prop.name().contains("simd") != simd) {
            throw new IllegalStateException("asked for simd=" + simd + ", got " + prop.name());
        }
        Nd4j.getRandom().setSeed(1);
        x = Nd4j.randn(DataType.FLOAT, a.rows(), 64);
        y = Nd4j.create(DataType.FLOAT, a.rows(), 64);
        hx = x.data().asFloat();
        hy = new float[hx.length];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        prop.close();
    }

    @Benchmark
    public float[] forwardHeap() {
        prop.forward(hx, hy, 64);
        return hy;
    }

    @Benchmark
    public float[] backwardHeap() {
        prop.backward(hx, hy, 64);
        return hy;
    }

    @Benchmark
    public INDArray forwardNd4j() {
        prop.forward(x, y);
        return y;
    }
}
