package io.recsys4j.eval;

import io.recsys4j.core.Interactions;
import io.recsys4j.core.Scorer;
import io.recsys4j.core.TopK;
import io.recsys4j.eval.metrics.Auc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Full-ranking evaluation of a {@link Scorer}: for every user with test items, every item
 * except the user's training items is a candidate, ranked by score (ties by item index);
 * training items are always masked. Users are streamed in batches, so memory is
 * {@code threads x batchSize x items} floats whatever the number of users, and batches run
 * on {@code threads} threads. Immutable and thread-safe.
 *
 * <p>AUC per user: positives are the test items among the candidates, negatives the other
 * candidates.
 */
public final class RankingEvaluator {
    private static final Logger LOG = LoggerFactory.getLogger(RankingEvaluator.class);
    private static final long PROGRESS_NANOS = 10_000_000_000L;

    private final MetricLayout layout;
    private final int batchSize;
    private final int threads;
    private final boolean auc;

    private RankingEvaluator(MetricLayout layout, int batchSize, int threads, boolean auc) {
        this.layout = layout;
        this.batchSize = batchSize;
        this.threads = threads;
        this.auc = auc;
    }

    /** A builder: cut-offs 1, 5, 10, 20; all cores; AUC on. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Evaluates {@code scorer} on the users that have test interactions.
     *
     * @param train the interactions to mask (same id spaces as {@code test})
     * @param test the ground truth
     * @throws IllegalArgumentException if the id spaces or item counts differ
     */
    public EvaluationReport evaluate(Scorer scorer, Interactions train, Interactions test) {
        if (!train.users().equals(test.users()) || !train.items().equals(test.items())) {
            throw new IllegalArgumentException("train and test must share id spaces (see Dataset)");
        }
        if (scorer.numItems() != train.numItems()) {
            throw new IllegalArgumentException("scorer covers " + scorer.numItems() + " items, data has " + train.numItems());
        }
        int[] users = java.util.stream.IntStream.range(0, test.numUsers()).filter(u -> test.degree(u) > 0).toArray();
        double[][] rows = new double[users.length][];
        int batch = batchSize > 0 ? batchSize : Math.max(1, Math.min(1024, (1 << 24) / Math.max(1, train.numItems())));
        int batches = (users.length + batch - 1) / batch;
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        long[] lastLog = {start};
        // Training validates every epoch; a sub-second evaluation is not news at INFO.
        LOG.debug("evaluating {} users against {} items ({} threads, batches of {})",
                users.length, train.numItems(), threads, batch);
        Runnable work = () -> {
            Worker w = new Worker(scorer, train, test, batch);
            for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                int from = b * batch;
                int to = Math.min(users.length, from + batch);
                w.run(Arrays.copyOfRange(users, from, to), rows, from);
                int d = done.addAndGet(to - from);
                long now = System.nanoTime();
                synchronized (lastLog) {
                    if (now - lastLog[0] > PROGRESS_NANOS) {
                        lastLog[0] = now;
                        LOG.info("evaluated {}/{} users ({} s)", d, users.length, (now - start) / 1_000_000_000L);
                    }
                }
            }
        };
        runOnThreads(work, Math.min(threads, Math.max(1, batches)));
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (ms >= 1000) {
            LOG.info("evaluated {} users against {} items in {} ms", users.length, train.numItems(), ms);
        } else {
            LOG.debug("evaluated {} users against {} items in {} ms", users.length, train.numItems(), ms);
        }
        List<String> ids = new ArrayList<>(users.length);
        for (int u : users) {
            ids.add(test.users().id(u));
        }
        return new EvaluationReport(layout, ids, rows);
    }

    private static void runOnThreads(Runnable work, int n) {
        if (n == 1) {
            work.run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "recsys-eval");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                fs.add(pool.submit(work));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One thread's buffers. */
    private final class Worker {
        private final Scorer scorer;
        private final Interactions train;
        private final Interactions test;
        private final int n;
        private final float[] scores;
        private final int[] top;
        private final float[] heap;
        private final boolean[] rel;
        private float[] pos = new float[16];

        Worker(Scorer scorer, Interactions train, Interactions test, int batch) {
            this.scorer = scorer;
            this.train = train;
            this.test = test;
            this.n = train.numItems();
            this.scores = new float[batch * n];
            this.top = new int[layout.maxK()];
            this.heap = new float[layout.maxK()];
            this.rel = new boolean[layout.maxK()];
        }

        void run(int[] users, double[][] rows, int rowOffset) {
            scorer.score(users, scores);
            int[] trStart = train.csrRowStart();
            int[] trItems = train.csrItems();
            for (int r = 0; r < users.length; r++) {
                int u = users[r];
                int off = r * n;
                int[] truth = test.itemsOf(u);
                int got = TopK.select(scores, off, n, trItems, trStart[u], trStart[u + 1], layout.maxK(), top, heap);
                for (int j = 0; j < got; j++) {
                    rel[j] = Arrays.binarySearch(truth, top[j]) >= 0;
                }
                double a = auc ? auc(u, off, truth, trItems, trStart[u], trStart[u + 1]) : Double.NaN;
                double[] row = new double[layout.width()];
                layout.fill(row, Arrays.copyOf(rel, got), truth.length, a);
                rows[rowOffset + r] = row;
            }
        }

        private double auc(int u, int off, int[] truth, int[] excl, int from, int to) {
            int p = 0;
            for (int i : truth) {
                if (Arrays.binarySearch(excl, from, to, i) < 0) {
                    if (p == pos.length) {
                        pos = Arrays.copyOf(pos, 2 * p);
                    }
                    float s = scores[off + i];
                    if (s != s) {
                        throw new IllegalStateException("scorer gave NaN for user " + train.users().id(u));
                    }
                    pos[p++] = s;
                }
            }
            int candidates = n - (to - from);
            int negatives = candidates - p;
            if (p == 0 || negatives == 0) {
                return Double.NaN;
            }
            // Float scores widen to double exactly, so ties stay ties.
            double[] sorted = new double[p];
            for (int k = 0; k < p; k++) {
                sorted[k] = pos[k];
            }
            Arrays.sort(sorted);
            double min = sorted[0];
            double max = sorted[p - 1];
            double correct = 0;
            int e = from;
            int t = 0;
            for (int i = 0; i < n; i++) {
                if (e < to && excl[e] == i) {
                    e++;
                    continue;
                }
                while (t < truth.length && truth[t] < i) {
                    t++;
                }
                if (t < truth.length && truth[t] == i) {
                    continue;
                }
                float s = scores[off + i];
                if (s != s) {
                    throw new IllegalStateException("scorer gave NaN for user " + train.users().id(u));
                }
                if (s < min) {
                    correct += p;
                } else if (s <= max) {
                    correct += p <= 16 ? pairsAboveLinear(sorted, s) : Auc.pairsAbove(sorted, s);
                }
            }
            return correct / ((double) p * negatives);
        }
    }

    /** {@link Auc#pairsAbove} for few positives: branch-free counting beats a binary search. */
    private static double pairsAboveLinear(double[] positives, double s) {
        int above = 0;
        int equal = 0;
        for (double x : positives) {
            above += x > s ? 1 : 0;
            equal += x == s ? 1 : 0;
        }
        return above + 0.5 * equal;
    }

    /** Settings of an evaluator; each setter checks its argument. */
    public static final class Builder {
        private int[] ks = {1, 5, 10, 20};
        private int batchSize;
        private int threads = Runtime.getRuntime().availableProcessors();
        private boolean auc = true;

        private Builder() {
        }

        /** The cut-offs K (each >= 1). */
        public Builder ks(int... ks) {
            new MetricLayout(ks);
            this.ks = ks.clone();
            return this;
        }

        /** Users scored together; 0 (default) picks about 16M scores per batch. */
        public Builder batchSize(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("batchSize must be >= 0, found " + n);
            }
            this.batchSize = n;
            return this;
        }

        /** Worker threads (default: all cores). */
        public Builder threads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("threads must be >= 1, found " + n);
            }
            this.threads = n;
            return this;
        }

        /** Whether to compute per-user AUC (a second pass over the scores). */
        public Builder auc(boolean on) {
            this.auc = on;
            return this;
        }

        /** Returns the evaluator; the builder stays usable. */
        public RankingEvaluator build() {
            return new RankingEvaluator(new MetricLayout(ks), batchSize, threads, auc);
        }
    }
}
