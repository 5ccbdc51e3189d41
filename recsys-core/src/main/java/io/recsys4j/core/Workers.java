package io.recsys4j.core;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * The threads a parallel component runs on, passed in by the caller instead of a hidden
 * global pool. {@link #of(int)} owns its threads and {@link #close()} stops them;
 * {@link #on(Executor, int)} borrows the caller's executor and never shuts it down.
 *
 * <p>{@link #run} is a parallel for-loop: tasks {@code 0 .. n-1} are claimed one at a time
 * by the calling thread and up to {@code threads() - 1} helpers, so the caller always works
 * too. A helper that has not started when the caller runs out of tasks is withdrawn, so a
 * busy or saturated executor (or a nested call from inside a task) delays the loop but never
 * deadlocks it. Thread-safe: several loops may run at once.
 */
public final class Workers implements AutoCloseable {
    /** Idle time after which an owned helper thread ends (a new one starts when work comes). */
    private static final long IDLE_SECONDS = 10;

    private final int threads;
    private final Executor executor;              // null when threads == 1
    private final ThreadPoolExecutor owned;       // null when borrowed
    private volatile boolean closed;

    private Workers(int threads, Executor executor, ThreadPoolExecutor owned) {
        this.threads = threads;
        this.executor = executor;
        this.owned = owned;
    }

    /**
     * Workers owning {@code threads - 1} daemon helper threads (the caller is the other one),
     * started on first use and stopped by {@link #close()}. Idle helpers also end after a
     * few seconds, so a forgotten instance does not pin threads.
     *
     * @throws IllegalArgumentException if threads is below 1
     */
    public static Workers of(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, found " + threads);
        }
        if (threads == 1) {
            return new Workers(1, null, null);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads - 1, threads - 1, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "recsys-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return new Workers(threads, pool, pool);
    }

    /** Workers of {@link Defaults#THREADS} threads. */
    public static Workers ofDefault() {
        return of(Defaults.THREADS);
    }

    /** Runs everything on the calling thread. */
    public static Workers sequential() {
        return new Workers(1, null, null);
    }

    /**
     * Workers on the caller's executor, using up to {@code threads - 1} of its threads besides
     * the calling one. {@link #close()} leaves the executor alone.
     *
     * @throws IllegalArgumentException if threads is below 1
     */
    public static Workers on(Executor executor, int threads) {
        java.util.Objects.requireNonNull(executor, "executor");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, found " + threads);
        }
        return new Workers(threads, threads == 1 ? null : executor, null);
    }

    /** How many threads a loop uses at most, the caller's included. */
    public int threads() {
        return threads;
    }

    /**
     * Runs {@code task.accept(t)} for every {@code t} in {@code 0 .. tasks-1}, in parallel, and
     * returns when all have finished. The first exception a task throws is rethrown here
     * (an unchecked one as it is) after the running tasks finish; tasks not yet started are
     * then skipped.
     *
     * @throws IllegalStateException if these workers are closed
     */
    public void run(int tasks, IntConsumer task) {
        if (closed) {
            throw new IllegalStateException("these workers are closed");
        }
        if (tasks <= 0) {
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable loop = () -> {
            try {
                for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) {
                    task.accept(t);
                }
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
                next.set(tasks);
            }
        };
        int helpers = executor == null ? 0 : Math.min(threads, tasks) - 1;
        CountDownLatch done = new CountDownLatch(helpers);
        // State of each helper: 0 queued, 1 running, 2 finished or withdrawn.
        AtomicInteger[] state = new AtomicInteger[helpers];
        for (int h = 0; h < helpers; h++) {
            AtomicInteger st = new AtomicInteger();
            state[h] = st;
            try {
                executor.execute(() -> {
                    if (st.compareAndSet(0, 1)) {
                        try {
                            loop.run();
                        } finally {
                            st.set(2);
                            done.countDown();
                        }
                    }
                });
            } catch (RejectedExecutionException e) {
                // The caller does the work itself.
                st.set(2);
                done.countDown();
            }
        }
        loop.run();
        for (AtomicInteger st : state) {
            if (st.compareAndSet(0, 2)) {
                done.countDown();
            }
        }
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                // Running helpers write into the caller's buffers: wait for them regardless.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException re) {
            throw re;
        }
        if (e instanceof Error err) {
            throw err;
        }
        if (e != null) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the owned threads (after their current task); borrowed executors are left alone. Idempotent. */
    @Override
    public void close() {
        closed = true;
        if (owned != null) {
            owned.shutdown();
        }
    }

    @Override
    public String toString() {
        return "Workers[" + threads + (owned != null ? " threads, owned" : executor != null ? " threads, borrowed" : " thread")
                + (closed ? ", closed" : "") + "]";
    }
}
