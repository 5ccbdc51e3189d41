package io.recsys4j.gnn;

import io.recsys4j.core.Interactions;
import io.recsys4j.core.SocialGraph;
import io.recsys4j.core.TopK;
import io.recsys4j.core.Workers;
import io.recsys4j.core.split.Split;
import io.recsys4j.gnn.internal.filter.ChunkedTable;
import io.recsys4j.gnn.internal.filter.FilterOperator;
import io.recsys4j.gnn.internal.filter.NormalizedGraph;
import io.recsys4j.gnn.internal.filter.RandomizedSvd;
import io.recsys4j.gnn.internal.serving.ScoreKernel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Chooses a {@link GraphFilter}'s settings on a per-user hold-out of the training data: the
 * filter is fitted on the rest, and every grid point is scored by recall@20 (ndcg@20
 * reported beside it) on the held-out items of a seeded sample of users. The test split is
 * never an input.
 *
 * <p>The grid is searched exhaustively at the cost of a few configurations: scores are linear
 * in the terms, {@code s = r P + X_g(T, k) + α X_h(T, k) + γ X_t} (the sharpened linear
 * correction, the ideal term and the text term of {@link GraphFilter}'s formula), so for each exponent,
 * social weight and sharpening time the low-rank products are computed once per segment of
 * the spectrum (rank prefixes share them) and every (k, α, γ) is a sum of blocks already
 * computed.
 */
final class FilterTuner {
    private static final Logger LOG = LoggerFactory.getLogger(FilterTuner.class);
    private static final int K = 20;
    private static final int BLOCK = 36;   // six of the kernel's six-user tiles
    private static final int SLOTS = 11;
    private static final ScoreKernel KERNEL = ScoreKernel.best();

    private final Interactions fit;
    private final Interactions valid;
    private final SocialGraph social;
    private final float[] text;
    private final int d;
    private final long seed;
    private final int[] users;
    private final Workers workers;
    private final int n;
    // Per-thread block buffers (several MB each at Gowalla's size): allocated per block they made
    // gigabytes of garbage per grid, and the collector grew the heap to its limit to keep up.
    private final ThreadLocal<float[][]> scratch = ThreadLocal.withInitial(() -> new float[SLOTS][0]);
    private double keptExponent = Double.NaN;
    private FilterOperator kept;
    private double keptRecall = Double.NEGATIVE_INFINITY;

    FilterTuner(Interactions train, SocialGraph social, float[] text, int d, double holdOut, long seed, int tuningUsers,
                Workers workers) {
        Split split = GraphFilter.holdOut(train, holdOut, seed);
        this.fit = split.train();
        this.valid = split.test();
        this.social = social;
        this.text = text;
        this.d = d;
        this.seed = seed;
        this.workers = workers;
        this.n = train.numItems();
        int[] vrs = valid.csrRowStart();
        List<Integer> withTruth = new ArrayList<>();
        for (int u = 0; u < valid.numUsers(); u++) {
            if (vrs[u + 1] > vrs[u]) {
                withTruth.add(u);
            }
        }
        int[] all = withTruth.stream().mapToInt(Integer::intValue).toArray();
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5eed);
        for (int j = all.length - 1; j > 0; j--) {
            int r = rnd.nextInt(j + 1);
            int t = all[j];
            all[j] = all[r];
            all[r] = t;
        }
        this.users = Arrays.copyOf(all, Math.min(all.length, tuningUsers));
        Arrays.sort(users);
        LOG.info("graph filter tuning: fit on {} interactions, validation on {} held-out items of {} users", fit.size(),
                valid.size(), users.length);
    }

    /** Every grid point, with its validation recall@20 and ndcg@20, in the order (a, β, T, k, α, γ). */
    List<FilterCandidate> run(double[] exps, int[] ranks, double[] alphas, double[] ts, double[] betas, double[] gammas) {
        List<FilterCandidate> out = new ArrayList<>();
        if (users.length == 0) {
            throw new IllegalArgumentException("no user has a held-out item to tune on: too little training data"
                    + " (set the filter's settings instead)");
        }
        for (double a : exps) {
            long t0 = System.nanoTime();
            int first = out.size();
            int maxRank = ranks[ranks.length - 1];
            RandomizedSvd.Result svd = maxRank > 0 ? GraphFilter.spectrum(fit, a, maxRank, seed, workers) : null;
            int kMax = svd == null ? 0 : svd.k();
            float[] lambda = svd == null ? new float[0] : GraphFilter.Builder.squares(svd.singularValues());
            float[] v = svd == null ? new float[0] : svd.rightVectors();
            FilterOperator linear = a == keptExponent ? kept
                    : new FilterOperator(NormalizedGraph.gram(NormalizedGraph.normalized(fit, a), workers));
            int[] ks = Arrays.stream(ranks).map(k -> Math.min(k, kMax)).distinct().toArray();
            LOG.info("graph filter tuning: exponent {}: spectrum and linear filter in {} s", a,
                    String.format("%.1f", (System.nanoTime() - t0) / 1e9));
            Tables tables = new Tables(v, kMax, ks, fit.itemDegrees());
            for (double beta : betas) {
                long t1 = System.nanoTime();
                int combos = ts.length * ks.length * alphas.length * gammas.length;
                double[][] recall = new double[combos][users.length];
                double[][] ndcg = new double[combos][users.length];
                int blocks = (users.length + BLOCK - 1) / BLOCK;
                workers.run(blocks, b -> block(b, linear, tables, lambda, ks, alphas, ts, beta, gammas, recall, ndcg));
                int c = 0;
                for (double t : ts) {
                    for (int k : ks) {
                        for (double alpha : alphas) {
                            for (double gamma : gammas) {
                                FilterSettings s = FilterSettings.builder().exponent(a).rank(k).idealWeight(alpha)
                                        .sharpening(t).socialWeight(beta).textWeight(gamma).build();
                                out.add(new FilterCandidate(s, mean(recall[c]), mean(ndcg[c])));
                                c++;
                            }
                        }
                    }
                }
                LOG.info("graph filter tuning: exponent {}, social weight {}: {} configurations in {} s", a, beta, combos,
                        String.format("%.1f", (System.nanoTime() - t1) / 1e9));
            }
            double best = bestCandidate(out.subList(first, out.size())).recall();
            if (best > keptRecall || a == keptExponent) {
                // the linear filter does not depend on the rank: the best exponent's is reused when the
                // full grid runs at it; one kept at a time bounds the memory to two of them
                keptExponent = a;
                kept = linear;
                keptRecall = Math.max(best, keptRecall);
            }
        }
        return out;
    }

    /**
     * This thread's buffer {@code slot}, at least {@code size} long; zeroed over {@code size} if
     * {@code zero} (the callers that accumulate), otherwise holding the last block's values.
     */
    private float[] buffer(int slot, int size, boolean zero) {
        float[][] b = scratch.get();
        if (b[slot].length < size) {
            b[slot] = new float[size];
        } else if (zero) {
            Arrays.fill(b[slot], 0, size, 0f);
        }
        return b[slot];
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** The transposed low-rank tables: {@code W = D_I^½ V} split at the rank boundaries, and the text table. */
    private final class Tables {
        final int[] segStart;   // segment s covers spectrum [segStart[s], segStart[s+1])
        final ChunkedTable[] wT;     // per segment: D_I^½ V
        final ChunkedTable[] plainT; // per segment: V
        final float[] vScaledT; // [n x kMax]: D_I^-½ V, item-major, to project rows
        final float[] vT;       // [n x kMax]
        final ChunkedTable textT;    // or null
        final int kMax;

        Tables(float[] v, int kMax, int[] ks, int[] deg) {
            this.kMax = kMax;
            int[] bounds = Arrays.stream(ks).filter(k -> k > 0).toArray();
            segStart = new int[bounds.length + 1];
            System.arraycopy(bounds, 0, segStart, 1, bounds.length);
            wT = new ChunkedTable[bounds.length];
            plainT = new ChunkedTable[bounds.length];
            // item-major, so projecting a row reads one contiguous stretch per item instead of kMax strided floats
            vScaledT = new float[kMax * n];
            vT = new float[kMax * n];
            for (int j = 0; j < kMax; j++) {
                for (int i = 0; i < n; i++) {
                    vScaledT[i * kMax + j] = deg[i] > 0 ? (float) (v[j * n + i] / Math.sqrt(deg[i])) : 0f;
                    vT[i * kMax + j] = v[j * n + i];
                }
            }
            for (int s = 0; s < bounds.length; s++) {
                int len = segStart[s + 1] - segStart[s];
                float[] t = new float[n * len];
                float[] pt = new float[n * len];
                for (int j = 0; j < len; j++) {
                    int jj = segStart[s] + j;
                    for (int i = 0; i < n; i++) {
                        t[i * len + j] = deg[i] > 0 ? (float) (v[jj * n + i] * Math.sqrt(deg[i])) : 0f;
                        pt[i * len + j] = v[jj * n + i];
                    }
                }
                wT[s] = new ChunkedTable(t, n, len, 0, len);
                plainT[s] = new ChunkedTable(pt, n, len, 0, len);
            }
            textT = text != null && d > 0 ? new ChunkedTable(text, n, d, 0, d) : null;
        }
    }

    private void block(int b, FilterOperator linear, Tables tb, float[] lambda, int[] ks, double[] alphas, double[] ts,
                       double beta, double[] gammas, double[][] recall, double[][] ndcg) {
        int from = b * BLOCK;
        int to = Math.min(users.length, from + BLOCK);
        int rows = to - from;
        int[] block = Arrays.copyOfRange(users, from, to);
        int[] start = new int[rows + 1];
        int[][] itemsRef = new int[1][];
        float[][] weightsRef = new float[1][];
        GraphFilter.rowsFor(block, fit, social, beta, start, (it, w, size) -> {
            itemsRef[0] = it;
            weightsRef[0] = w;
        });
        int[] item = itemsRef[0];
        float[] weight = weightsRef[0];
        float[] lin = buffer(0, rows * n, false);
        linear.score(rows, start, item, weight, lin, 0, Workers.sequential());
        int kMax = tb.kMax;
        float[] proj = buffer(1, rows * kMax, true);
        float[] projPlain = buffer(2, rows * kMax, true);
        for (int r = 0; r < rows; r++) {
            for (int e = start[r]; e < start[r + 1]; e++) {
                KERNEL.axpy(weight[e], tb.vScaledT, item[e] * kMax, proj, r * kMax, kMax);
                KERNEL.axpy(weight[e], tb.vT, item[e] * kMax, projPlain, r * kMax, kMax);
            }
        }
        float[] xt = null;
        if (tb.textT != null) {
            float[] ct = buffer(3, rows * d, true);
            for (int r = 0; r < rows; r++) {
                for (int e = start[r]; e < start[r + 1]; e++) {
                    int i = item[e];
                    for (int j = 0; j < d; j++) {
                        ct[r * d + j] += weight[e] * text[i * d + j];
                    }
                }
            }
            xt = buffer(4, rows * n, false);
            tb.textT.score(ct, rows, xt, 0, n);
        }
        float[] xg = buffer(5, rows * n, false);
        float[] xh = buffer(6, rows * n, false);
        float[] tmp = buffer(7, rows * n, false);
        float[] s = buffer(8, n, false);
        int[] top = new int[K];
        float[] heap = new float[K];
        int[] frs = fit.csrRowStart();
        int[] fitems = fit.csrItems();
        int[] vrs = valid.csrRowStart();
        int[] vitems = valid.csrItems();
        int c = 0;
        for (double t : ts) {
            Arrays.fill(xg, 0f);
            Arrays.fill(xh, 0f);
            int seg = 0;
            for (int k : ks) {
                while (seg < tb.wT.length && tb.segStart[seg + 1] <= k) {
                    int s0 = tb.segStart[seg];
                    int len = tb.segStart[seg + 1] - s0;
                    float[] cg = buffer(9, rows * len, false);
                    float[] ch = buffer(10, rows * len, false);
                    for (int j = 0; j < len; j++) {
                        double lam = lambda[s0 + j];
                        double h = Math.exp(-t * lam);
                        float g = (float) (lam * (h - 1));
                        for (int r = 0; r < rows; r++) {
                            cg[r * len + j] = g * projPlain[r * kMax + s0 + j];
                            ch[r * len + j] = (float) h * proj[r * kMax + s0 + j];
                        }
                    }
                    if (t != 0) {
                        tb.plainT[seg].score(cg, rows, tmp, 0, n);
                        add(xg, tmp);
                    }
                    tb.wT[seg].score(ch, rows, tmp, 0, n);
                    add(xh, tmp);
                    seg++;
                }
                for (double alpha : alphas) {
                    for (double gamma : gammas) {
                        for (int r = 0; r < rows; r++) {
                            int o = r * n;
                            combine(lin, xg, xh, xt, o, (float) alpha, (float) gamma, s);
                            int u = block[r];
                            int got = TopK.select(s, 0, n, fitems, frs[u], frs[u + 1], K, top, heap);
                            int truth = vrs[u + 1] - vrs[u];
                            double hits = 0;
                            double dcg = 0;
                            for (int q = 0; q < got; q++) {
                                if (Arrays.binarySearch(vitems, vrs[u], vrs[u + 1], top[q]) >= 0) {
                                    hits++;
                                    dcg += 1 / log2(q + 2);
                                }
                            }
                            double idcg = 0;
                            for (int q = 0; q < Math.min(truth, K); q++) {
                                idcg += 1 / log2(q + 2);
                            }
                            recall[c][from + r] = hits / truth;
                            ndcg[c][from + r] = dcg / idcg;
                        }
                        c++;
                    }
                }
            }
        }
    }

    /**
     * One row's candidate scores. Its own small method because the caller runs a few long
     * calls: the JIT compiles this after a few hundred rows instead of waiting to replace the
     * caller's loop nest on the stack (the first exponent's screen ran 4x slower that way).
     */
    private void combine(float[] lin, float[] xg, float[] xh, float[] xt, int o, float fa, float fg, float[] s) {
        for (int i = 0; i < n; i++) {
            s[i] = lin[o + i] + xg[o + i] + fa * xh[o + i];
        }
        if (xt != null && fg != 0f) {
            for (int i = 0; i < n; i++) {
                s[i] += fg * xt[o + i];
            }
        }
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static void add(float[] acc, float[] x) {
        for (int i = 0; i < acc.length; i++) {
            acc[i] += x[i];
        }
    }

    /** The candidate with the highest validation recall@20; ties go to the first in grid order. */
    static FilterCandidate bestCandidate(List<FilterCandidate> table) {
        FilterCandidate best = table.get(0);
        for (FilterCandidate c : table) {
            if (c.recall() > best.recall()) {
                best = c;
            }
        }
        return best;
    }

    static FilterSettings best(List<FilterCandidate> table) {
        return bestCandidate(table).settings();
    }
}
