package io.recsys4j.gnn.internal.filter;

import io.recsys4j.core.Interactions;
import io.recsys4j.core.Workers;
import io.recsys4j.gnn.internal.graph.CsrMatrix;

import java.util.Arrays;

/**
 * The normalised interaction matrix and its item Gram matrix, the two sparse objects of the
 * graph filters:
 * <pre>
 *   R̃ = D_U^-a · R · D_I^-(1-a)        (R binary; a = ½ is GF-CF's symmetric normalisation,
 *                                       Shen et al., CIKM 2021; a general a is Turbo-CF's,
 *                                       Park et al., SIGIR 2024)
 *   P = R̃ᵀ R̃,   P_ij = d_i^-(1-a) d_j^-(1-a) Σ_{u ∋ i, j} d_u^-2a
 * </pre>
 * Users and items without interactions get zero rows and columns (no division by zero).
 */
public final class NormalizedGraph {
    private NormalizedGraph() {
    }

    /** An entry of {@code R̃}: {@code d_u^-a d_i^-(1-a)} for a user of degree du and an item of degree di. */
    public static double entry(int du, int di, double a) {
        return Math.pow(du, -a) * Math.pow(di, -(1 - a));
    }

    /** {@code R̃} as a {@code users x items} CSR matrix. */
    public static CsrMatrix normalized(Interactions train, double a) {
        int[] rs = train.csrRowStart();
        int[] items = train.csrItems();
        int[] di = train.itemDegrees();
        int nu = train.numUsers();
        float[] val = new float[items.length];
        for (int u = 0; u < nu; u++) {
            int du = rs[u + 1] - rs[u];
            for (int q = rs[u]; q < rs[u + 1]; q++) {
                val[q] = (float) entry(du, di[items[q]], a);
            }
        }
        return CsrMatrix.ofRows(nu, train.numItems(), rs.clone(), items.clone(), val);
    }

    /**
     * {@code P = R̃ᵀR̃}, exactly, as a sparse {@code items x items} matrix: row {@code i} is
     * accumulated over the users of item {@code i}, so the cost is {@code Σ_u d_u²}.
     */
    public static CsrMatrix gram(CsrMatrix rt, Workers workers) {
        int n = rt.cols();
        CsrMatrix t = rt.transpose();
        int[] trs = t.rowStart();
        int[] tcol = t.colIndex();
        float[] tval = t.values();
        int[] rs = rt.rowStart();
        int[] col = rt.colIndex();
        float[] val = rt.values();
        int chunk = 256;
        int tasks = (n + chunk - 1) / chunk;
        int[][] cols = new int[tasks][];
        float[][] vals = new float[tasks][];
        int[] rowLen = new int[n];
        workers.run(tasks, task -> {
            int i0 = task * chunk;
            int i1 = Math.min(n, i0 + chunk);
            float[] acc = new float[n];
            boolean[] seen = new boolean[n];
            int[] touched = new int[n];
            int[] outC = new int[1024];
            float[] outV = new float[1024];
            int len = 0;
            for (int i = i0; i < i1; i++) {
                int nt = 0;
                for (int q = trs[i]; q < trs[i + 1]; q++) {
                    int u = tcol[q];
                    float wu = tval[q];
                    for (int e = rs[u]; e < rs[u + 1]; e++) {
                        int j = col[e];
                        if (!seen[j]) {
                            seen[j] = true;
                            touched[nt++] = j;
                        }
                        acc[j] += wu * val[e];
                    }
                }
                Arrays.sort(touched, 0, nt);
                if (len + nt > outC.length) {
                    int cap = Math.max(len + nt, outC.length * 2);
                    outC = Arrays.copyOf(outC, cap);
                    outV = Arrays.copyOf(outV, cap);
                }
                for (int q = 0; q < nt; q++) {
                    int j = touched[q];
                    outC[len] = j;
                    outV[len++] = acc[j];
                    acc[j] = 0f;
                    seen[j] = false;
                }
                rowLen[i] = nt;
            }
            cols[task] = Arrays.copyOf(outC, len);
            vals[task] = Arrays.copyOf(outV, len);
        });
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + rowLen[i];
        }
        int[] allC = new int[start[n]];
        float[] allV = new float[start[n]];
        for (int task = 0; task < tasks; task++) {
            int at = start[task * chunk];
            System.arraycopy(cols[task], 0, allC, at, cols[task].length);
            System.arraycopy(vals[task], 0, allV, at, vals[task].length);
        }
        return CsrMatrix.ofRows(n, n, start, allC, allV);
    }
}
