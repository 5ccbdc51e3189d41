package io.recsys4j.gnn.internal.propagation;

import io.recsys4j.gnn.internal.graph.CsrMatrix;
import java.util.Locale;
import org.nd4j.linalg.factory.Nd4j;

/** Chooses the propagation path for the ND4J backend that is loaded. */
public final class Propagations {
    private Propagations() {
    }

    /** True if ND4J runs on its CUDA backend. */
    public static boolean cudaBackend() {
        return Nd4j.getBackend().getClass().getName().toLowerCase(Locale.ROOT).contains("cuda");
    }

    /**
     * The CSR kernel on the CPU backend; the ND4J-ops path on the CUDA backend, where the
     * arrays live in device memory the CPU kernel cannot read.
     */
    public static Propagation forBackend(CsrMatrix p, int threads) {
        return cudaBackend() ? new Nd4jOpsPropagation(p) : new CsrCpuPropagation(p, threads);
    }
}
