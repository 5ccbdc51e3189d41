package io.recsys4j.eval;

import io.recsys4j.core.Defaults;
import io.recsys4j.core.Interactions;
import io.recsys4j.core.Scorer;
import io.recsys4j.core.TopK;
import io.recsys4j.core.Workers;
import io.recsys4j.eval.metrics.Auc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Full-ranking evaluation of a {@link Scorer}: for every user with test items, every item
 * except the user's training items is a candidate, ranked by score (ties by item index);
 * training items are always masked. The report has the exposure metrics, with the popularity
 * of {@code train} ({@link ItemPopularity#of(Interactions)}). Users are streamed in batches, so memory is
 * {@code threads x batchSize x items} floats whatever the number of users, and batches run
 * on the evaluator's {@link Workers}. The metrics are those of {@code docs/metrics.md}.
 *
 * <p>AUC per user: positives are the test items among the candidates, negatives the other
 * candidates; computed by {@link Auc}.
 *
 * <p>Threads: given {@link Builder#workers}, the evaluator borrows them and {@link #close()}
 * leaves them alone; otherwise it owns {@link Builder#threads} threads (default
 * {@link Defaults#THREADS}), started on first use, reused by every {@link #evaluate} call and
 * stopped by {@link #close()} (idle ones also end by themselves after a few seconds). Thread-safe;
 * the report does not depend on the thread count.
 */
public final class RankingEvaluator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RankingEvaluator.class);
    private static final long PROGRESS_NANOS = 10_000_000_000L;

    private final MetricLayout layout;
    private final int batchSize;
    private final Workers workers;
    private final boolean ownsWorkers;
    private final boolean auc;

    private RankingEvaluator(MetricLayout layout, int batchSize, Workers workers, boolean ownsWorkers, boolean auc) {
        this.layout = layout;
        this.batchSize = batchSize;
        this.workers = workers;
        this.ownsWorkers = ownsWorkers;
        this.auc = auc;
    }

    /** A builder: cut-offs 1, 5, 10, 20; {@link Defaults#THREADS} threads; AUC on. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Evaluates {@code scorer} on the users that have test interactions.
     *
     * @param train the interactions to mask (same id spaces as {@code test})
     * @param test the ground truth
     * @throws IllegalArgumentException if the id spaces or item counts differ
     * @throws IllegalStateException if the evaluator (or its borrowed workers) was closed
     */
    public EvaluationReport evaluate(Scorer scorer, Interactions train, Interactions test) {
        if (!train.users().equals(test.users()) || !train.items().equals(test.items())) {
            throw new IllegalArgumentException("train and test must share id spaces (see Dataset)");
        }
        if (scorer.numItems() != train.numItems()) {
            throw new IllegalArgumentException("scorer covers " + scorer.numItems() + " items, data has " + train.numItems());
        }
        int[] users = java.util.stream.IntStream.range(0, test.numUsers()).filter(u -> test.degree(u) > 0).toArray();
        MetricLayout layout = new MetricLayout(this.layout.ks(), ItemPopularity.of(train));
        double[][] rows = new double[users.length][];
        int[][] lists = new int[users.length][];
        int batch = batchSize > 0 ? batchSize : Math.max(1, Math.min(1024, (1 << 24) / Math.max(1, train.numItems())));
        int batches = (users.length + batch - 1) / batch;
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        long[] lastLog = {start};
        // Training validates every epoch; a sub-second evaluation is not news at INFO.
        LOG.debug("evaluating {} users against {} items ({} threads, batches of {})",
                users.length, train.numItems(), workers.threads(), batch);
        // One loop per thread, each with its own score buffer, claiming batches in order; a
        // loop that finds no batch left allocates nothing.
        AtomicInteger next = new AtomicInteger();
        workers.run(Math.min(workers.threads(), batches), t -> {
            Worker w = null;
            for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                if (w == null) {
                    w = new Worker(layout, scorer, train, test, batch);
                }
                int from = b * batch;
                int to = Math.min(users.length, from + batch);
                w.run(Arrays.copyOfRange(users, from, to), rows, lists, from);
                int d = done.addAndGet(to - from);
                long now = System.nanoTime();
                synchronized (lastLog) {
                    if (now - lastLog[0] > PROGRESS_NANOS) {
                        lastLog[0] = now;
                        LOG.info("evaluated {}/{} users ({} s)", d, users.length, (now - start) / 1_000_000_000L);
                    }
                }
            }
        });
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
        return new EvaluationReport(layout, ids, rows, lists);
    }

    /** Stops the threads this evaluator owns; borrowed {@link Workers} are left running. Idempotent. */
    @Override
    public void close() {
        if (ownsWorkers) {
            workers.close();
        }
    }

    /** One thread's buffers. */
    private final class Worker {
        private final MetricLayout layout;
        private final Scorer scorer;
        private final Interactions train;
        private final Interactions test;
        private final int n;
        private final float[] scores;
        private final int k;   // the longest list, at most the catalogue
        private final int[] top;
        private final float[] heap;
        private final boolean[] rel;
        private double[] pos = new double[16];
        private final double[] neg;

        Worker(MetricLayout layout, Scorer scorer, Interactions train, Interactions test, int batch) {
            this.layout = layout;
            this.scorer = scorer;
            this.train = train;
            this.test = test;
            this.n = train.numItems();
            this.scores = new float[batch * n];
            this.k = TopK.cappedK(layout.maxK(), n);
            this.top = new int[k];
            this.heap = new float[k];
            this.rel = new boolean[k];
            this.neg = auc ? new double[n] : null;
        }

        void run(int[] users, double[][] rows, int[][] lists, int rowOffset) {
            scorer.score(users, scores);
            int[] trStart = train.csrRowStart();
            int[] trItems = train.csrItems();
            for (int r = 0; r < users.length; r++) {
                int u = users[r];
                int off = r * n;
                int[] truth = test.itemsOf(u);
                int got = TopK.select(scores, off, n, trItems, trStart[u], trStart[u + 1], k, top, heap);
                for (int j = 0; j < got; j++) {
                    rel[j] = Arrays.binarySearch(truth, top[j]) >= 0;
                }
                double a = auc ? auc(u, off, truth, trItems, trStart[u], trStart[u + 1]) : Double.NaN;
                double[] row = new double[layout.width()];
                int[] list = Arrays.copyOf(top, got);
                layout.fill(row, Arrays.copyOf(rel, got), truth.length, a, list);
                rows[rowOffset + r] = row;
                lists[rowOffset + r] = list;
            }
        }

        /** The user's AUC over the candidates (non-training items): test items against the rest. */
        private double auc(int u, int off, int[] truth, int[] excl, int from, int to) {
            int p = 0;
            int q = 0;
            int e = from;
            int t = 0;
            for (int i = 0; i < n; i++) {
                while (e < to && excl[e] < i) {
                    e++;
                }
                if (e < to && excl[e] == i) {
                    continue;
                }
                float s = scores[off + i];
                if (s != s) {
                    throw new IllegalStateException("scorer gave NaN for user " + train.users().id(u));
                }
                while (t < truth.length && truth[t] < i) {
                    t++;
                }
                // Float scores widen to double exactly, so ties stay ties.
                if (t < truth.length && truth[t] == i) {
                    if (p == pos.length) {
                        pos = Arrays.copyOf(pos, 2 * p);
                    }
                    pos[p++] = s;
                } else {
                    neg[q++] = s;
                }
            }
            return Auc.of(pos, p, neg, q);
        }
    }

    /** Settings of an evaluator; each setter checks its argument, {@link #build} the combination. */
    public static final class Builder {
        private int[] ks = {1, 5, 10, 20};
        private int batchSize;
        private Integer threads;
        private Workers workers;
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

        /**
         * Threads the evaluator owns (default {@link Defaults#THREADS}, whatever the machine);
         * release them with {@link RankingEvaluator#close()}.
         */
        public Builder threads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("threads must be >= 1, found " + n);
            }
            this.threads = n;
            return this;
        }

        /** The caller's threads to run on instead of owned ones; the evaluator never closes them. */
        public Builder workers(Workers w) {
            this.workers = java.util.Objects.requireNonNull(w, "workers");
            return this;
        }

        /** Whether to compute per-user AUC (a second pass over the scores). */
        public Builder auc(boolean on) {
            this.auc = on;
            return this;
        }

        /**
         * Returns the evaluator; the builder stays usable (each evaluator built owns its own
         * threads unless {@link #workers} were given).
         *
         * @throws IllegalStateException if both threads and workers were set
         */
        public RankingEvaluator build() {
            if (threads != null && workers != null) {
                throw new IllegalStateException("set threads(" + threads + ") or workers(" + workers + "), not both");
            }
            MetricLayout layout = new MetricLayout(ks);
            if (workers != null) {
                return new RankingEvaluator(layout, batchSize, workers, false, auc);
            }
            return new RankingEvaluator(layout, batchSize, Workers.of(threads != null ? threads : Defaults.THREADS), true, auc);
        }
    }
}
